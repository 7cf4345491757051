package io.greengate.suggestion.engine.embedded;

import java.util.regex.Pattern;

/**
 * The protocol of characterization cases whose expected value CI observes (the observed-outcome kinds write them):
 * the case calls a changed method with ordinary arguments and compares the call's outcome (its value as text, or the
 * exception it threw, and what it wrote into a sink) with {@link #PLACEHOLDER}. CI runs the case twice to see the
 * outcome at this commit (both runs must agree), writes it in, and verifies the filled case like any other
 * ({@code client/greengate_ci.py verify}); only a case filled that way reaches a reviewer, who judges whether the
 * observed outcome is the intended one. The service never runs it.
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
}
