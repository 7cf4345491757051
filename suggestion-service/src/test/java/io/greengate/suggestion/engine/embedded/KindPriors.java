package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.engine.embedded.java.JavaKinds;
import io.greengate.suggestion.engine.embedded.python.PythonKinds;

import java.util.stream.Stream;

/** The prior confidence of a case kind, by its name, from the kinds themselves. */
public final class KindPriors {

    private KindPriors() {
    }

    public static double of(String kindName) {
        return Stream.concat(JavaKinds.ALL.stream(), PythonKinds.ALL.stream())
                .filter(kind -> kind.name().equals(kindName)).map(CaseKind::priorConfidence).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case kind " + kindName));
    }
}
