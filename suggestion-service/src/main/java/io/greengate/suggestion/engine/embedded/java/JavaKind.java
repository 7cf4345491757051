package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.NamedKind;
import io.greengate.suggestion.engine.embedded.render.JunitCase;

import java.util.List;

/** A kind of JUnit 5 case: its name and prior confidence, and the case model its cases are written as. */
abstract class JavaKind extends NamedKind<JunitCase> {

    JavaKind(String name, double priorConfidence) {
        super(name, priorConfidence);
    }

    /** A case of this kind: one test method in a class of its own. */
    final JunitCase junitCase(ChangedSymbol symbol, String className, String method, List<String> assertions,
                              String body, String rationale) {
        return new JunitCase(symbol, name(), priorConfidence(), className, method, assertions, body, rationale, false);
    }

    static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static String uncapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** How a test calls the symbol: on its class, or on a new instance. */
    static String target(ChangedSymbol symbol) {
        return symbol.receiver() == ChangedSymbol.Receiver.CLASS ? symbol.owner() : "new " + symbol.owner() + "()";
    }

    /** Whether an instance method's owner cannot be made with {@code new Owner()}: then the case cannot call it. */
    static boolean unreachableInstance(ChangedSymbol symbol) {
        return symbol.receiver() == ChangedSymbol.Receiver.INSTANCE && !symbol.constructible();
    }
}
