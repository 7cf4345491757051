package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.engine.embedded.CaseKind;
import io.greengate.suggestion.engine.embedded.render.JunitCase;

import java.util.List;

/** The JUnit 5 case kinds, in the order their cases come for one changed symbol. Adding a kind: one line here. */
public final class JavaKinds {

    public static final List<CaseKind<JunitCase>> ALL = List.of(
            new GuardThrows(),
            new GuardReturns(),
            new JavadocThrows(),
            new JavadocReturns(),
            new JavadocExamplesHold(),
            new RoundTrip(),
            new ObjectContract(),
            new DistanceIdentity(),
            new ReflexiveEquality(),
            new EnumConstants(),
            new RecordComponents(),
            new ObservedOutcome(),
            new SignaturePin());

    private JavaKinds() {
    }
}
