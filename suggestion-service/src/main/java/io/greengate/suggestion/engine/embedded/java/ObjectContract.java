package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.render.JunitCase;

import java.util.List;

/** equals is reflexive and false for null and other types, hashCode is stable, compareTo(x, x) is 0. */
final class ObjectContract extends JavaKind {

    ObjectContract() {
        super("object-contract", 0.65);
    }

    @Override
    public List<JunitCase> find(ChangedSymbol symbol, Found<JunitCase> found) {
        if (symbol.receiver() != ChangedSymbol.Receiver.INSTANCE || !symbol.constructible()) {
            return List.of();
        }
        String owner = symbol.owner();
        String setup = owner + " subject = new " + owner + "();\n        ";
        List<String> parameterTypes = symbol.parameters().stream().map(ChangedSymbol.Parameter::type).toList();
        String body;
        List<String> assertions;
        String promise;
        if (symbol.name().equals("equals") && parameterTypes.equals(List.of("Object"))) {
            body = setup + "assertTrue(subject.equals(subject));\n        assertFalse(subject.equals(null));\n"
                    + "        assertFalse(subject.equals(new Object()));";
            assertions = List.of("assertFalse", "assertTrue");
            promise = "is reflexive and false for null and for an object of another class (Object.equals' contract)";
        } else if (symbol.name().equals("hashCode") && parameterTypes.isEmpty()) {
            body = setup + "int first = subject.hashCode();\n        assertEquals(first, subject.hashCode());";
            assertions = List.of("assertEquals");
            promise = "gives the same value each time for an unchanged object (Object.hashCode's contract)";
        } else if (symbol.name().equals("compareTo") && parameterTypes.equals(List.of(owner))) {
            body = setup + "assertEquals(0, subject.compareTo(subject));";
            assertions = List.of("assertEquals");
            promise = "puts an object level with itself (Comparable's contract: sgn(x.compareTo(x)) == 0)";
        } else {
            return List.of();
        }
        String rationale = symbol.qualifiedName() + " changed (" + symbol.file() + ", lines " + symbol.startLine()
                + "–" + symbol.endLine() + "); this case checks that it still " + promise + ".";
        return List.of(junitCase(symbol, owner + capitalize(symbol.name()) + "ContractTest",
                symbol.name() + "KeepsItsContract", assertions, body, rationale));
    }
}
