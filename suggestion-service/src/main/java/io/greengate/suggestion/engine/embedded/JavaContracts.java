package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.SuggestedTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.greengate.suggestion.engine.embedded.Junit5Writer.capitalize;
import static io.greengate.suggestion.engine.embedded.Junit5Writer.testClass;

/**
 * JUnit 5 cases from contracts Java itself states, so the expected outcome needs no guess: a method and its
 * inverse give back what they were given; equals, hashCode and compareTo keep their contracts; an enum's
 * constants are found by their names; a record gives back its components and equals a record of the same ones.
 */
final class JavaContracts {

    /** A value of each type a round trip or a record can start from, chosen to exercise escaping and signs. */
    private static final Map<String, String> SAMPLES = Map.of(
            "String", "\"Greengate 42: <a href=\\\"x\\\">tests & more</a>\"",
            "CharSequence", "\"Greengate 42: <a href=\\\"x\\\">tests & more</a>\"",
            "byte[]", "new byte[] {0, 1, 2, 42, 127, -128, -1}",
            "char[]", "\"Greengate 42\".toCharArray()",
            "int", "42",
            "long", "42L",
            "boolean", "true",
            "double", "4.2");

    private JavaContracts() {
    }

    /**
     * {@code decode(encode(x)) == x}. Written once per pair: by the encoding side, or by the decoding side when the
     * encoding side did not change.
     */
    static Optional<SuggestedTest> roundTripCase(ChangedSymbol symbol) {
        if (symbol.receiver() == ChangedSymbol.Receiver.INSTANCE && !symbol.constructible()) {
            return Optional.empty();
        }
        for (ChangedSymbol.Inverse inverse : symbol.inverses()) {
            if (!inverse.forward() && inverse.changed()) {
                continue; // the encoding side writes it
            }
            String forward = inverse.forward() ? symbol.name() : inverse.name();
            String backward = inverse.forward() ? inverse.name() : symbol.name();
            String startType = inverse.forward() ? symbol.parameters().get(0).type() : symbol.returnType();
            String sample = SAMPLES.get(startType);
            if (sample == null) {
                continue;
            }
            String target = symbol.receiver() == ChangedSymbol.Receiver.CLASS ? symbol.owner() : "subject";
            String setup = symbol.receiver() == ChangedSymbol.Receiver.CLASS ? ""
                    : symbol.owner() + " subject = new " + symbol.owner() + "();\n        ";
            String roundTrip = target + "." + backward + "(" + target + "." + forward + "(original))";
            String assertion = startType.endsWith("[]") ? "assertArrayEquals" : "assertEquals";
            String body = setup + startType + " original = " + sample + ";\n        " + assertion + "(original, "
                    + roundTrip + (startType.equals("CharSequence") ? ".toString()" : "") + ");";
            if (startType.equals("CharSequence")) {
                body = body.replace("CharSequence original", "String original");
            }
            String rationale = symbol.qualifiedName() + " changed (" + symbol.file() + ", lines " + symbol.startLine()
                    + "–" + symbol.endLine() + "); " + forward + " and " + backward + " undo each other by their names "
                    + "and types, so this case checks that " + backward + " gives back exactly what " + forward
                    + " was given, for a value with characters that need escaping or signs.";
            return Optional.of(testClass(symbol, symbol.owner() + capitalize(forward) + capitalize(backward)
                    + "RoundTripTest", "round-trip", backward + "UndoesWhat" + capitalize(forward) + "Did", assertion,
                    body, rationale));
        }
        return Optional.empty();
    }

    /** equals is reflexive and false for null and other types, hashCode is stable, compareTo(x, x) is 0. */
    static Optional<SuggestedTest> objectContractCase(ChangedSymbol symbol) {
        if (symbol.receiver() != ChangedSymbol.Receiver.INSTANCE || !symbol.constructible()) {
            return Optional.empty();
        }
        String owner = symbol.owner();
        String setup = owner + " subject = new " + owner + "();\n        ";
        List<String> parameterTypes = symbol.parameters().stream().map(ChangedSymbol.Parameter::type).toList();
        String body;
        String assertions;
        String promise;
        if (symbol.name().equals("equals") && parameterTypes.equals(List.of("Object"))) {
            body = setup + "assertTrue(subject.equals(subject));\n        assertFalse(subject.equals(null));\n"
                    + "        assertFalse(subject.equals(new Object()));";
            assertions = "assertFalse,assertTrue";
            promise = "is reflexive and false for null and for an object of another class (Object.equals' contract)";
        } else if (symbol.name().equals("hashCode") && parameterTypes.isEmpty()) {
            body = setup + "int first = subject.hashCode();\n        assertEquals(first, subject.hashCode());";
            assertions = "assertEquals";
            promise = "gives the same value each time for an unchanged object (Object.hashCode's contract)";
        } else if (symbol.name().equals("compareTo") && parameterTypes.equals(List.of(owner))) {
            body = setup + "assertEquals(0, subject.compareTo(subject));";
            assertions = "assertEquals";
            promise = "puts an object level with itself (Comparable's contract: sgn(x.compareTo(x)) == 0)";
        } else {
            return Optional.empty();
        }
        String rationale = symbol.qualifiedName() + " changed (" + symbol.file() + ", lines " + symbol.startLine()
                + "–" + symbol.endLine() + "); this case checks that it still " + promise + ".";
        return Optional.of(testClass(symbol, owner + capitalize(symbol.name()) + "ContractTest", "object-contract",
                symbol.name() + "KeepsItsContract", assertions, body, rationale));
    }

    /** Integral and floating result types of a distance, with how the test reads a primitive out of them. */
    private static final Map<String, String> DISTANCE_ZERO = Map.of(
            "int", "assertEquals(0, %s);",
            "long", "assertEquals(0L, %s);",
            "Integer", "assertEquals(0, %s.intValue());",
            "Long", "assertEquals(0L, %s.longValue());",
            "double", "assertEquals(0.0, %s, 1e-9);",
            "float", "assertEquals(0.0, %s, 1e-6);",
            "Double", "assertEquals(0.0, %s.doubleValue(), 1e-9);",
            "Float", "assertEquals(0.0, %s.doubleValue(), 1e-6);");

    /**
     * A distance between two texts is zero between equal texts (identity of indiscernibles, the first axiom of a
     * metric). A distance is a method named {@code distance} or {@code ...Distance}, or {@code apply}/{@code compute}
     * of a class named {@code ...Distance}, taking two texts and giving a number. {@code getDistance} is left out:
     * some libraries (Lucene's StringDistance) give a similarity under that name.
     */
    static Optional<SuggestedTest> distanceIdentityCase(ChangedSymbol symbol) {
        String name = symbol.name();
        boolean named = name.equals("distance") || name.endsWith("Distance") && !name.equals("getDistance")
                || symbol.owner() != null && symbol.owner().endsWith("Distance")
                && (name.equals("apply") || name.equals("compute"));
        if (!named || !twoOfOneType(symbol).filter(List.of("String", "CharSequence")::contains).isPresent()
                || !DISTANCE_ZERO.containsKey(symbol.returnType())
                || symbol.receiver() == ChangedSymbol.Receiver.INSTANCE && !symbol.constructible()) {
            return Optional.empty();
        }
        String target = symbol.receiver() == ChangedSymbol.Receiver.CLASS ? symbol.owner() : "subject";
        String setup = symbol.receiver() == ChangedSymbol.Receiver.CLASS ? ""
                : symbol.owner() + " subject = new " + symbol.owner() + "();\n        ";
        // equal, not the same object: an identity shortcut must not be all the case runs
        String body = setup + "String text = \"greengate\";\n        String equal = new String(text);\n        "
                + DISTANCE_ZERO.get(symbol.returnType()).formatted(target + "." + name + "(text, equal)");
        // zero is within any threshold: a bounded instance (its own algorithm, often) must answer zero too
        boolean bounded = symbol.receiver() == ChangedSymbol.Receiver.INSTANCE && symbol.java().thresholdType() != null;
        if (bounded) {
            body += "\n        " + DISTANCE_ZERO.get(symbol.returnType())
                    .formatted("new " + symbol.owner() + "(10)." + name + "(text, equal)");
        }
        String rationale = symbol.qualifiedName() + " changed (" + symbol.file() + ", lines " + symbol.startLine()
                + "–" + symbol.endLine() + "); it measures a distance between two texts by its name and types, and "
                + "a distance between equal texts is zero (the first axiom of a metric), so this case checks it for "
                + "a text with repeated and adjacent letters" + (bounded ? ", with no threshold and with a "
                + "threshold of 10 (zero is within any threshold)." : ".");
        return Optional.of(testClass(symbol, symbol.owner() + capitalize(name) + "IdentityTest", "distance-identity",
                name + "OfEqualTextsIsZero", "assertEquals", body, rationale));
    }

    /** How a test writes a second value equal to the first one but not the same object. */
    private static final Map<String, String> EQUAL_COPIES = Map.of(
            "String", "new String(first)",
            "CharSequence", "new String(first)",
            "byte[]", "first.clone()",
            "char[]", "first.clone()",
            "int", "first",
            "long", "first");

    /**
     * An equality test between two values of one type is reflexive: a value equals a copy of itself. An equality
     * test is a method giving a boolean for two arguments of the same type named {@code equals}, {@code ...Equals},
     * {@code equalsIgnoreCase}, {@code is...Equal} or {@code isSame...}; names with a negation are left out.
     */
    static Optional<SuggestedTest> reflexiveEqualityCase(ChangedSymbol symbol) {
        String name = symbol.name();
        boolean named = name.matches("equals|equalsIgnoreCase|[a-z]\\w*Equals|is\\w*Equal|isSame\\w*")
                && !name.matches(".*(Not|Un|Non)[A-Z].*");
        Optional<String> compared = twoOfOneType(symbol).filter(EQUAL_COPIES::containsKey);
        if (!named || compared.isEmpty() || !List.of("boolean", "Boolean").contains(symbol.returnType())
                || symbol.receiver() == ChangedSymbol.Receiver.INSTANCE && (!symbol.constructible() || name.equals("equals"))) {
            return Optional.empty();
        }
        String type = compared.get();
        String target = symbol.receiver() == ChangedSymbol.Receiver.CLASS ? symbol.owner() : "new " + symbol.owner() + "()";
        String firstType = type.equals("CharSequence") ? "String" : type;
        String body = firstType + " first = " + SAMPLES.get(type) + ";\n        " + type + " second = "
                + EQUAL_COPIES.get(type) + ";\n        assertTrue(" + target + "." + name + "(first, second));";
        String rationale = symbol.qualifiedName() + " changed (" + symbol.file() + ", lines " + symbol.startLine()
                + "–" + symbol.endLine() + "); by its name and types it tests two values for equality, and equality "
                + "is reflexive, so this case checks that a value equals an equal copy of itself.";
        return Optional.of(testClass(symbol, symbol.owner() + capitalize(name) + "ReflexiveTest", "reflexive-equality",
                name + "HoldsForEqualValues", "assertTrue", body, rationale));
    }

    /** The type of a method's two parameters when they share one: a distance or an equality between them. */
    private static Optional<String> twoOfOneType(ChangedSymbol symbol) {
        List<ChangedSymbol.Parameter> parameters = symbol.parameters();
        return parameters.size() == 2 && parameters.get(0).type() != null
                && parameters.get(0).type().equals(parameters.get(1).type())
                ? Optional.of(parameters.get(0).type()) : Optional.empty();
    }

    /** Every constant is found by its name, and the constants keep their names and order. */
    static SuggestedTest enumCase(ChangedSymbol symbol) {
        String type = symbol.qualifiedName();
        String names = symbol.java().constants().stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
        String body = "for (" + type + " constant : " + type + ".values()) {\n"
                + "            assertSame(constant, " + type + ".valueOf(constant.name()));\n        }\n"
                + "        assertEquals(java.util.List.of(" + names + "),\n"
                + "                java.util.Arrays.stream(" + type + ".values()).map(Enum::name).toList());";
        String rationale = "The enum " + type + " changed (" + symbol.file() + ", lines " + symbol.startLine() + "–"
                + symbol.endLine() + "); this case loads its constants (running their constructors), checks each is "
                + "found by its name and pins their names and order, on which valueOf callers and ordinal users rely.";
        return testClass(symbol, type.replace(".", "") + "ConstantsTest", "enum-constants",
                uncapitalize(symbol.name()) + "ConstantsKeepTheirNamesAndOrder", "assertEquals,assertSame", body,
                rationale);
    }

    /** A record gives back each component it was built with and equals (same hash) a record of the same ones. */
    static Optional<SuggestedTest> recordCase(ChangedSymbol symbol) {
        List<String> values = new ArrayList<>();
        for (ChangedSymbol.Parameter component : symbol.parameters()) {
            String sample = SAMPLES.get(component.type());
            if (sample == null) {
                return Optional.empty();
            }
            values.add(sample);
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String type = symbol.qualifiedName();
        String arguments = String.join(", ", values);
        StringBuilder body = new StringBuilder(type + " record = new " + type + "(" + arguments + ");\n");
        for (int i = 0; i < values.size(); i++) {
            ChangedSymbol.Parameter component = symbol.parameters().get(i);
            String assertion = component.type().endsWith("[]") ? "assertArrayEquals" : "assertEquals";
            body.append("        ").append(assertion).append("(").append(values.get(i)).append(", record.")
                    .append(component.name()).append("());\n");
        }
        body.append("        ").append(type).append(" same = new ").append(type).append("(").append(arguments)
                .append(");\n");
        boolean hasArrays = symbol.parameters().stream().anyMatch(p -> p.type().endsWith("[]"));
        if (!hasArrays) { // records compare arrays by identity
            body.append("        assertEquals(record, same);\n        assertEquals(record.hashCode(), same.hashCode());");
        } else {
            body.append("        assertEquals(record, record);");
        }
        String assertions = hasArrays ? "assertArrayEquals,assertEquals" : "assertEquals";
        String rationale = "The record " + type + " changed (" + symbol.file() + ", lines " + symbol.startLine() + "–"
                + symbol.endLine() + "); this case checks what the language promises of a record without a "
                + "constructor of its own: each accessor gives back its component, and records of equal components "
                + "are equal with equal hash codes.";
        return Optional.of(testClass(symbol, type.replace(".", "") + "RecordTest", "record-components",
                uncapitalize(symbol.name()) + "GivesBackItsComponents", assertions, body.toString().strip(), rationale));
    }

    private static String uncapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
