package io.greengate.suggestion.engine.embedded.python;

import io.greengate.suggestion.engine.embedded.CaseKind;
import io.greengate.suggestion.engine.embedded.render.PytestCase;

import java.util.List;

/** The pytest case kinds, in the order their cases come for one changed function. Adding a kind: one line here. */
public final class PythonKinds {

    public static final List<CaseKind<PytestCase>> ALL = List.of(
            new GuardRaises(),
            new GuardReturns(),
            new DoctestExamplesHold(),
            new RoundTrip(),
            new ObservedOutcome(),
            new SignaturePin());

    private PythonKinds() {
    }
}
