package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.analysis.java.JavaValues;
import io.greengate.platform.ranking.RankerFeatures;
import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.analysis.java.Guards;
import io.greengate.suggestion.engine.SuggestedTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes JUnit 5 test classes under {@code src/test/java}, in the main class's package, one case per class. */
final class Junit5Writer {

    private Junit5Writer() {
    }

    static List<SuggestedTest> cases(ChangedSymbol symbol) {
        return cases(symbol, false);
    }

    /** @param observe whether CI observes outcomes: then a changed method also gets an observed-outcome case */
    static List<SuggestedTest> cases(ChangedSymbol symbol, boolean observe) {
        switch (symbol.shape()) {
            case ENUM:
                return List.of(JavaContracts.enumCase(symbol));
            case RECORD:
                return JavaContracts.recordCase(symbol).stream().toList();
            case INTERNAL:
                return observe ? ObservedOutcomes.javaCase(symbol).stream().toList() : List.of();
            default:
                break;
        }
        List<SuggestedTest> cases = new ArrayList<>();
        cases.addAll(guardCases(symbol));
        javadocCase(symbol).ifPresent(cases::add);
        JavaContracts.roundTripCase(symbol).ifPresent(cases::add);
        JavaContracts.objectContractCase(symbol).ifPresent(cases::add);
        JavaContracts.distanceIdentityCase(symbol).ifPresent(cases::add);
        JavaContracts.reflexiveEqualityCase(symbol).ifPresent(cases::add);
        if (observe) {
            ObservedOutcomes.javaCase(symbol).ifPresent(cases::add);
        }
        // a method reached through a changed helper kept its signature: pinning it says nothing about the change
        if (cases.isEmpty() && symbol.reachedFrom() == null) {
            cases.add(signatureCase(symbol));
        }
        return cases;
    }

    /** How many of the Javadoc's promises about arguments one method gets cases for. */
    private static final int MAX_DOCUMENTED_GUARDS = 3;

    /**
     * The first guard clause the code states, as one case; where the code states none, each promise the Javadoc
     * makes about an argument (null, negative, empty) as a case of its own.
     */
    static List<SuggestedTest> guardCases(ChangedSymbol symbol) {
        if (symbol.guards().isEmpty()) {
            return List.of();
        }
        ChangedSymbol.Guard first = symbol.guards().get(0);
        if (first.freshState() != null) {
            return List.of(freshStateCase(symbol, first));
        }
        if (first.documented() == null) {
            return guardCase(symbol, first, 0).stream().toList();
        }
        List<SuggestedTest> cases = new ArrayList<>();
        for (ChangedSymbol.Guard guard : symbol.guards()) {
            if (cases.size() < MAX_DOCUMENTED_GUARDS) {
                guardCase(symbol, guard, cases.size()).ifPresent(cases::add);
            }
        }
        return cases;
    }

    /** @param ordinal how many cases of this method's guards came before: they name the test class apart */
    private static Optional<SuggestedTest> guardCase(ChangedSymbol symbol, ChangedSymbol.Guard guard, int ordinal) {
        Optional<GuardInputs.Trigger> trigger = GuardInputs.solve(guard, symbol.parameters(), true);
        if (trigger.isEmpty() || (symbol.receiver() == ChangedSymbol.Receiver.INSTANCE && !symbol.constructible())) {
            return Optional.empty();
        }
        boolean documented = guard.documented() != null;
        List<String> values = new ArrayList<>();
        Map<String, String> byName = new HashMap<>();
        for (ChangedSymbol.Parameter p : symbol.parameters()) {
            boolean tripped = p.name().equals(trigger.get().parameter());
            String value = tripped ? trigger.get().literal().equals("null") ? "(" + p.type() + ") null"
                    : trigger.get().literal() : documented ? JavaValues.present(p.type()) : JavaValues.neutral(p.type());
            // the Javadoc promises what one bad argument does when the others are fine: a null among them could
            // be refused first (another exception), or answered without a look at the bad one
            if (!tripped && documented && value.endsWith(") null")) {
                return Optional.empty();
            }
            values.add(value);
            byName.put(p.name(), value);
        }
        // a call the method answers with an early return never reaches what the Javadoc promises
        if (documented && symbol.java().earlyExits().stream().anyMatch(exit -> GuardInputs.holds(exit, byName))) {
            return Optional.empty();
        }
        String arguments = String.join(", ", values);
        String target = symbol.receiver() == ChangedSymbol.Receiver.CLASS ? symbol.owner() : "new " + symbol.owner() + "()";
        if (guard.returns()) {
            return returnCase(symbol, guard, trigger.get(), target + "." + symbol.name() + "(" + arguments + ")");
        }
        String method = symbol.name() + "Rejects" + capitalize(trigger.get().parameter()) + "Of"
                + capitalize(describe(trigger.get().literal()));
        String body = "assertThrows(" + guard.exception() + ".class, () -> " + target + "." + symbol.name() + "("
                + arguments + "));";
        String rationale = documented
                ? "The Javadoc of " + symbol.qualifiedName() + " (" + symbol.file() + ", line " + guard.line()
                + ") promises `" + guard.documented() + "`; with " + trigger.get().parameter() + " = "
                + trigger.get().literal() + " this case checks that it keeps that promise."
                : "Line " + guard.line() + " of " + symbol.file() + " throws " + guard.exception() + " when `"
                + guard.condition() + "`; with " + trigger.get().parameter() + " = " + trigger.get().literal()
                + " this case checks that " + symbol.qualifiedName() + " refuses the input before doing anything.";
        if (documented) {
            String suffix = ordinal == 0 ? "" : capitalize(trigger.get().parameter()) + capitalize(describe(trigger.get().literal()));
            return Optional.of(testClass(symbol, symbol.owner() + capitalize(symbol.name()) + "JavadocThrows" + suffix
                    + "Test", "javadoc-throws", method, "assertThrows", body, rationale));
        }
        return Optional.of(testClass(symbol, symbol.owner() + capitalize(symbol.name()) + "GuardTest", "guard-throws",
                method, "assertThrows", body, rationale));
    }

    /** The first guard checks the object's state, and a new instance trips it: any arguments get the exception. */
    private static SuggestedTest freshStateCase(ChangedSymbol symbol, ChangedSymbol.Guard guard) {
        String arguments = symbol.parameters().stream().map(p -> JavaValues.neutral(p.type()))
                .collect(Collectors.joining(", "));
        String body = "assertThrows(" + guard.exception() + ".class, () -> new " + symbol.owner() + "()."
                + symbol.name() + "(" + arguments + "));";
        String rationale = "Line " + guard.line() + " of " + symbol.file() + " throws " + guard.exception() + " when `"
                + guard.condition() + "`; a new " + symbol.owner() + " has " + guard.freshState() + " (its fields' "
                + "initial values, which no constructor changes), so this case checks that " + symbol.qualifiedName()
                + " refuses to run on an object in that state.";
        return testClass(symbol, symbol.owner() + capitalize(symbol.name()) + "GuardTest", "guard-throws",
                symbol.name() + "RejectsANew" + symbol.owner(), "assertThrows", body, rationale);
    }

    /** {@code if (condition) return <literal>;} as the first statement: the call that trips it gets that literal. */
    private static Optional<SuggestedTest> returnCase(ChangedSymbol symbol, ChangedSymbol.Guard guard,
                                                      GuardInputs.Trigger trigger, String call) {
        String returned = guard.returned();
        String type = symbol.returnType();
        String assertion;
        String body;
        if (returned.equals("null") && !JavaValues.PRIMITIVE_DEFAULTS.containsKey(type) && !type.equals("void")) {
            assertion = "assertNull";
            body = "assertNull(" + call + ");";
        } else if ((returned.equals("true") || returned.equals("false")) && (type.equals("boolean") || type.equals("Boolean"))) {
            assertion = returned.equals("true") ? "assertTrue" : "assertFalse";
            body = assertion + "(" + call + ");";
        } else if (Guards.isEmptyValue(returned)
                && EMPTIABLE.contains(type.startsWith("java.util.") ? type.substring(10) : type)) {
            assertion = "assertTrue";
            body = "assertTrue(" + call + ".isEmpty());";
        } else if (returned.startsWith("\"") && (type.equals("String") || type.equals("CharSequence"))) {
            assertion = "assertEquals";
            body = "assertEquals(" + returned + ", " + call + (type.equals("CharSequence") ? ".toString()" : "") + ");";
        } else if (returned.matches("-?\\s*\\d+[lL]?") && NUMERIC.contains(type)
                && !(returned.toLowerCase().endsWith("l") && List.of("int", "short", "byte").contains(type))) {
            assertion = "assertEquals";
            body = "assertEquals(" + returned + ", " + call + ");";
        } else {
            return Optional.empty();
        }
        String className = symbol.owner() + capitalize(symbol.name()) + "EarlyReturnTest";
        String method = symbol.name() + "Returns" + capitalize(describe(returned)) + "When" + capitalize(trigger.parameter())
                + "Is" + capitalize(describe(trigger.literal()));
        String rationale = guard.documented() != null
                ? "The Javadoc of " + symbol.qualifiedName() + " (" + symbol.file() + ", line " + guard.line()
                + ") promises `" + guard.documented() + "`; with " + trigger.parameter() + " = null this case "
                + "checks that it keeps that promise."
                : "Line " + guard.line() + " of " + symbol.file() + " returns " + returned + " when `"
                + guard.condition() + "`; with " + trigger.parameter() + " = " + trigger.literal()
                + " this case checks that " + symbol.qualifiedName() + " answers " + returned + " before doing anything else.";
        if (guard.documented() != null) {
            return Optional.of(testClass(symbol, symbol.owner() + capitalize(symbol.name()) + "JavadocReturnTest",
                    "javadoc-returns", method, assertion, body, rationale));
        }
        return Optional.of(testClass(symbol, className, "guard-returns", method, assertion, body, rationale));
    }

    private static final List<String> NUMERIC = List.of("int", "long", "short", "byte", "double", "float");
    /** Return types whose emptiness a test checks with isEmpty(). */
    private static final List<String> EMPTIABLE = List.of("List", "Set", "Map", "Collection", "Optional",
            "SortedSet", "SortedMap", "NavigableSet", "NavigableMap");

    private static String describe(String literal) {
        if (Guards.isEmptyValue(literal) || literal.startsWith("new ") && literal.endsWith("[0]")) {
            return "empty";
        }
        String words = literal.replace("-", "minus").replace(".", "point").replace("\"\"", "empty")
                .replaceAll("[^A-Za-z0-9]", "");
        return words.isEmpty() ? "text" : words.length() > 24 ? words.substring(0, 24) : words;
    }

    /** The Javadoc's {@code Owner.method(args) = result} lines (Apache Commons style) as assertions. */
    static Optional<SuggestedTest> javadocCase(ChangedSymbol symbol) {
        List<JavadocExamples.Assertion> examples = JavadocExamples.translate(symbol);
        if (examples.isEmpty()) {
            return Optional.empty();
        }
        String assertions = examples.stream().map(JavadocExamples.Assertion::method).distinct().sorted()
                .collect(Collectors.joining(","));
        String body = examples.stream().map(JavadocExamples.Assertion::statement).collect(Collectors.joining("\n        "));
        String rationale = "The Javadoc of " + symbol.qualifiedName() + " (" + symbol.file() + ", lines "
                + symbol.startLine() + "–" + symbol.endLine() + ") states " + examples.size()
                + " example(s) of calls and their results; this case turns them into assertions so they keep holding.";
        return Optional.of(testClass(symbol, symbol.owner() + capitalize(symbol.name()) + "JavadocExamplesTest",
                "javadoc-examples", symbol.name() + "MatchesItsJavadocExamples", assertions, body, rationale));
    }

    static SuggestedTest signatureCase(ChangedSymbol symbol) {
        String parameterClasses = symbol.parameters().stream().map(p -> ", " + p.type() + ".class")
                .collect(Collectors.joining());
        String body = "assertEquals(" + symbol.returnType() + ".class, " + symbol.owner() + ".class.getMethod(\""
                + symbol.name() + "\"" + parameterClasses + ").getReturnType());";
        String rationale = "Lines " + symbol.startLine() + "–" + symbol.endLine() + " of " + symbol.file()
                + " changed " + symbol.qualifiedName() + "; no behaviour could be derived from the code alone, so this "
                + "case pins its parameter and return types against a change that would break callers.";
        return testClass(symbol, symbol.owner() + capitalize(symbol.name()) + "SignatureTest", "signature",
                symbol.name() + "KeepsItsSignature", "assertEquals", body, rationale);
    }

    /** Where the test of a class goes: its package mirrored under src/test/java. */
    static String testDirectory(ChangedSymbol symbol) {
        return symbol.file().contains("src/main/java/")
                ? symbol.file().substring(0, symbol.file().lastIndexOf('/')).replace("src/main/java/", "src/test/java/")
                : "src/test/java/" + symbol.module().replace('.', '/');
    }

    /** The rationale, and why the case runs the changed lines when the symbol itself did not change. */
    static String withReach(ChangedSymbol symbol, String rationale) {
        return symbol.reachedFrom() == null ? rationale : rationale + " " + symbol.qualifiedName()
                + " itself did not change: it calls " + symbol.reachedFrom() + ", whose lines did, so this case runs them.";
    }

    /** The test file's package line and the source file's own imports, so the same names resolve. */
    static String packageAndImports(ChangedSymbol symbol) {
        String packageLine = symbol.module().isEmpty() ? "" : "package " + symbol.module() + ";\n\n";
        return packageLine + symbol.java().imports().stream().map(i -> i + "\n").collect(Collectors.joining());
    }

    static SuggestedTest testClass(ChangedSymbol symbol, String className, String kind, String method,
                                   String assertion, String body, String rationale) {
        String code = packageAndImports(symbol) + """
                import org.junit.jupiter.api.Test;

                %s

                /** Suggested by Greengate for %s. */
                class %s {

                    @Test
                    void %s() throws Exception {
                        %s
                    }
                }
                """.formatted(Arrays.stream(assertion.split(",")).map(a -> "import static org.junit.jupiter.api.Assertions."
                + a + ";").collect(Collectors.joining("\n")), symbol.qualifiedName(), className, method, body);
        return new SuggestedTest(symbol.file(), symbol.qualifiedName(), "java", "junit5", kind,
                testDirectory(symbol) + "/" + className + ".java", code, null, withReach(symbol, rationale),
                RankerFeatures.priorConfidence(kind), List.of(), null);
    }

    static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
