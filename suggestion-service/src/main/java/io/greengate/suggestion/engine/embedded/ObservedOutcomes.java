package io.greengate.suggestion.engine.embedded;

import io.greengate.platform.ranking.RankerFeatures;
import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.analysis.java.JavaValues;
import io.greengate.suggestion.engine.SuggestedTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Characterization cases whose expected value CI observes: the case calls a changed method with ordinary arguments
 * and compares the call's outcome (its value as text, or the exception it threw, and what it wrote into a sink)
 * with {@link #PLACEHOLDER}. CI runs the case twice to see the outcome at this commit (both runs must agree), writes
 * it in, and verifies the filled case like any other ({@code client/greengate_ci.py verify}); only a case filled that
 * way reaches a reviewer, who judges whether the observed outcome is the intended one. The service never runs it.
 */
public final class ObservedOutcomes {

    public static final String KIND = "observed-outcome";
    /** The string literal CI replaces with the outcome it observed, in the one statement that compares with it. */
    public static final String PLACEHOLDER = "\"greengate:observe\"";
    public static final String ASSERTION = "assertEquals(" + PLACEHOLDER + ", outcome);";
    /** The same statement in a pytest case. */
    public static final String PYTHON_ASSERTION = "assert outcome == " + PLACEHOLDER;

    private ObservedOutcomes() {
    }

    /** The case for a changed Java method, or empty when some argument or the instance has no ordinary value. */
    public static Optional<SuggestedTest> javaCase(ChangedSymbol symbol) {
        if (symbol.shape() != ChangedSymbol.Shape.CALLABLE && symbol.shape() != ChangedSymbol.Shape.INTERNAL
                || symbol.name().equals("main")) {
            return Optional.empty();
        }
        List<String> setup = new ArrayList<>();
        List<String> arguments = new ArrayList<>();
        List<String> readAfter = new ArrayList<>();
        for (ChangedSymbol.Parameter p : symbol.parameters()) {
            Optional<String> sink = JavaValues.sink(p.type());
            if (sink.isPresent()) {
                String variable = p.name() + "Sink";
                String type = sink.get().substring(4, sink.get().indexOf('('));
                setup.add(type + " " + variable + " = " + sink.get() + ";");
                arguments.add(variable);
                readAfter.add("\"; " + p.name() + ": \" + stable(" + JavaValues.contentsOf(p.type(), variable) + ")");
                continue;
            }
            Optional<String> value = JavaValues.of(p.type(), p.declared(), symbol.java().knownValues());
            if (value.isEmpty()) {
                return Optional.empty();
            }
            arguments.add(value.get());
        }
        String target;
        if (symbol.receiver() == ChangedSymbol.Receiver.INSTANCE) {
            String instance = symbol.java().knownValues().get(symbol.owner());
            if (instance == null) {
                return Optional.empty();
            }
            setup.add(symbol.owner() + " instance = " + instance + ";");
            target = "instance";
        } else {
            target = symbol.owner();
        }
        String call = target + "." + symbol.name() + "(" + String.join(", ", arguments) + ")";
        boolean returnsNothing = "void".equals(symbol.returnType());
        if (returnsNothing && symbol.receiver() == ChangedSymbol.Receiver.INSTANCE) {
            // the call's whole effect is on the object: its state after the call is the outcome
            readAfter.add("\"; then: \" + describe(instance)");
        }
        String lambda = returnsNothing ? "() -> {\n            " + call + ";\n            return Void.TYPE;\n        }"
                : "() -> " + call;
        StringBuilder body = new StringBuilder();
        setup.forEach(line -> body.append(line).append("\n        "));
        body.append("String outcome = outcome(").append(lambda).append(")");
        readAfter.forEach(read -> body.append("\n                + ").append(read));
        body.append(";\n        ").append(ASSERTION);
        String className = symbol.owner().replace(".", "") + Junit5Writer.capitalize(symbol.name()) + signatureWords(symbol)
                + "ObservedTest";
        String rationale = "Lines " + symbol.startLine() + "–" + symbol.endLine() + " of " + symbol.file()
                + " changed " + symbol.qualifiedName() + ". This characterization case calls `" + call + "`; CI runs it"
                + " at this commit and writes what the call gave (its value, or the exception it threw) into the"
                + " assertion, and only then is it shown. Accept it if that observed outcome is the intended one:"
                + " the case then keeps it from changing unnoticed.";
        return Optional.of(testFile(symbol, className, symbol.name() + "KeepsItsObservedOutcome", body.toString(),
                rationale));
    }

    /** Whether the code is an observed-outcome case CI has not filled in yet. */
    public static boolean awaitsObservation(String code) {
        return code != null && (code.contains(ASSERTION) || code.contains(PYTHON_ASSERTION));
    }

    /** The pytest case with the outcome CI observed written in, as a Python string literal. */
    public static String fillPython(String code, String outcome) {
        return code.replace(PYTHON_ASSERTION, "assert outcome == " + stringLiteral(outcome));
    }

    /** The case with the outcome CI observed written in, as a Java string literal. */
    public static String fill(String code, String outcome) {
        return code.replace(ASSERTION, "assertEquals(" + stringLiteral(outcome) + ", outcome);");
    }

    /**
     * Whether {@code candidate} is {@code original} with only the placeholder replaced by one Java string literal:
     * what CI may send back. Anything else (a changed call, another assertion) is refused.
     */
    public static boolean filledFrom(String original, String candidate) {
        int at = original.indexOf(PLACEHOLDER);
        if (!awaitsObservation(original) || at != original.lastIndexOf(PLACEHOLDER) || candidate == null
                || awaitsObservation(candidate)) {
            return false;
        }
        String before = original.substring(0, at);
        String after = original.substring(at + PLACEHOLDER.length());
        return candidate.length() >= before.length() + after.length() + 2 && candidate.startsWith(before)
                && candidate.endsWith(after)
                && (original.contains(ASSERTION) ? JAVA_STRING : PYTHON_STRING)
                .matcher(candidate.substring(before.length(), candidate.length() - after.length())).matches();
    }

    /** One Python string literal, in single or double quotes, without a line break. */
    private static final Pattern PYTHON_STRING = Pattern.compile(
            "'(?:[^'\\\\\\r\\n]|\\\\[^\\r\\n])*'|\"(?:[^\"\\\\\\r\\n]|\\\\[^\\r\\n])*\"");

    /** One string literal: no line break, no lone backslash, no unicode escape of a quote, backslash or line break. */
    private static final Pattern JAVA_STRING = Pattern.compile(
            "\"(?:[^\"\\\\\\r\\n]|\\\\(?:[btnfr\"'\\\\]|[0-7]{1,3}|u+(?!00(?:22|5[cC]|0[aAdD]))[0-9a-fA-F]{4}))*\"");

    /**
     * The text as a double-quoted string literal that Java and Python read alike: quotes, backslashes and line breaks
     * escaped, everything outside printable ASCII as a unicode escape.
     */
    static String stringLiteral(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        literal.append(String.format("\\u%04x", (int) c));
                    } else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }

    /** Overloads of one method get test classes of their own: the parameter types name them apart. */
    private static String signatureWords(ChangedSymbol symbol) {
        String words = symbol.parameters().stream()
                .map(p -> p.type().replaceAll("<.*", "").replace("[]", "Array").replaceAll("[^A-Za-z0-9]", ""))
                .map(Junit5Writer::capitalize).collect(Collectors.joining());
        return words.isEmpty() ? "" : "Of" + (words.length() > 48 ? words.substring(0, 48) : words);
    }

    private static SuggestedTest testFile(ChangedSymbol symbol, String className, String method, String body,
                                          String rationale) {
        String code = Junit5Writer.packageAndImports(symbol) + """
                import java.util.Arrays;
                import java.util.concurrent.Callable;
                import org.junit.jupiter.api.Test;
                import org.junit.jupiter.api.Timeout;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                /** Suggested by Greengate for %s: the outcome CI observed at this commit. */
                class %s {

                    @Test
                    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
                    void %s() throws Exception {
                        %s
                    }

                    /** What a call gave, as text: its value, or the exception it threw (not its message, which may change). */
                    private static String outcome(Callable<?> call) {
                        try {
                            Object value = call.call();
                            return value == Void.TYPE ? "completed" : "returned " + describe(value);
                        } catch (Exception e) {
                            return "threw " + e.getClass().getName();
                        }
                    }

                    private static String describe(Object value) {
                        if (value == null) {
                            return "null";
                        }
                        String text;
                        if (value instanceof CharSequence) {
                            text = "\\"" + value + "\\"";
                        } else if (value instanceof Object[]) {
                            text = Arrays.deepToString((Object[]) value);
                        } else if (value.getClass().isArray()) {
                            text = Arrays.deepToString(new Object[] {value}).replaceAll("^\\\\[|\\\\]$", "");
                        } else if (value.getClass().getName().contains("$$Lambda")) {
                            return "a lambda";
                        } else {
                            text = String.valueOf(value);
                            if (text.startsWith(value.getClass().getName() + "@")) {
                                return "a " + value.getClass().getName();
                            }
                        }
                        return stable(text);
                    }

                    /** The text with identity hashes (Object's toString, also inside another's) left out: they change from run to run. */
                    private static String stable(String text) {
                        return text.replaceAll("(?<=[\\\\w$])@[0-9a-f]{1,8}\\\\b", "@hash");
                    }
                }
                """.formatted(symbol.qualifiedName(), className, method, body);
        return new SuggestedTest(symbol.file(), symbol.qualifiedName(), "java", "junit5", KIND,
                Junit5Writer.testDirectory(symbol) + "/" + className + ".java", code, null,
                Junit5Writer.withReach(symbol, rationale), RankerFeatures.priorConfidence(KIND),
                List.of(), null);
    }
}
