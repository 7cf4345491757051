package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.render.JunitCase;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A distance between two texts is zero between equal texts (identity of indiscernibles, the first axiom of a
 * metric). A distance is a method named {@code distance} or {@code ...Distance}, or {@code apply}/{@code compute}
 * of a class named {@code ...Distance}, taking two texts and giving a number. {@code getDistance} is left out:
 * some libraries (Lucene's StringDistance) give a similarity under that name.
 */
final class DistanceIdentity extends JavaKind {

    /** Integral and floating result types of a distance, with how the test reads a primitive out of them. */
    private static final Map<String, String> ZERO = Map.of(
            "int", "assertEquals(0, %s);",
            "long", "assertEquals(0L, %s);",
            "Integer", "assertEquals(0, %s.intValue());",
            "Long", "assertEquals(0L, %s.longValue());",
            "double", "assertEquals(0.0, %s, 1e-9);",
            "float", "assertEquals(0.0, %s, 1e-6);",
            "Double", "assertEquals(0.0, %s.doubleValue(), 1e-9);",
            "Float", "assertEquals(0.0, %s.doubleValue(), 1e-6);");

    DistanceIdentity() {
        super("distance-identity", 0.6);
    }

    @Override
    public List<JunitCase> find(ChangedSymbol symbol, Found<JunitCase> found) {
        String name = symbol.name();
        boolean named = name.equals("distance") || name.endsWith("Distance") && !name.equals("getDistance")
                || symbol.owner() != null && symbol.owner().endsWith("Distance")
                && (name.equals("apply") || name.equals("compute"));
        if (!named || !twoOfOneType(symbol).filter(List.of("String", "CharSequence")::contains).isPresent()
                || !ZERO.containsKey(symbol.returnType()) || unreachableInstance(symbol)) {
            return List.of();
        }
        String target = symbol.receiver() == ChangedSymbol.Receiver.CLASS ? symbol.owner() : "subject";
        String setup = symbol.receiver() == ChangedSymbol.Receiver.CLASS ? ""
                : symbol.owner() + " subject = new " + symbol.owner() + "();\n        ";
        // equal, not the same object: an identity shortcut must not be all the case runs
        String body = setup + "String text = \"greengate\";\n        String equal = new String(text);\n        "
                + ZERO.get(symbol.returnType()).formatted(target + "." + name + "(text, equal)");
        // zero is within any threshold: a bounded instance (its own algorithm, often) must answer zero too
        boolean bounded = symbol.receiver() == ChangedSymbol.Receiver.INSTANCE && symbol.java().thresholdType() != null;
        if (bounded) {
            body += "\n        " + ZERO.get(symbol.returnType())
                    .formatted("new " + symbol.owner() + "(10)." + name + "(text, equal)");
        }
        String rationale = symbol.qualifiedName() + " changed (" + symbol.file() + ", lines " + symbol.startLine()
                + "–" + symbol.endLine() + "); it measures a distance between two texts by its name and types, and "
                + "a distance between equal texts is zero (the first axiom of a metric), so this case checks it for "
                + "a text with repeated and adjacent letters" + (bounded ? ", with no threshold and with a "
                + "threshold of 10 (zero is within any threshold)." : ".");
        return List.of(junitCase(symbol, symbol.owner() + capitalize(name) + "IdentityTest",
                name + "OfEqualTextsIsZero", List.of("assertEquals"), body, rationale));
    }

    /** The type of a method's two parameters when they share one: a distance or an equality between them. */
    static Optional<String> twoOfOneType(ChangedSymbol symbol) {
        List<ChangedSymbol.Parameter> parameters = symbol.parameters();
        return parameters.size() == 2 && parameters.get(0).type() != null
                && parameters.get(0).type().equals(parameters.get(1).type())
                ? Optional.of(parameters.get(0).type()) : Optional.empty();
    }
}
