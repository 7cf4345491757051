package io.greengate.suggestion.engine.embedded.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * The {@code >>>} examples of a Python docstring as pytest statements: setup lines stay statements, an
 * example with a literal result becomes {@code assert expr == result}, {@code print(x)} with its output
 * {@code assert str(x) == "output"}, a statement that prints (a loop, {@code print(a, b)}) is compared with what it
 * writes (pytest's {@code capsys}), a traceback becomes {@code pytest.raises}. An example may continue over
 * {@code ...} lines; trailing comments are dropped; one marked {@code +SKIP} is left out (doctest does not run it
 * either) unless its result is a dict or set, skipped for its printed order, which {@code ==} ignores. At the first example beyond that (ellipsis output, another directive, a loop that prints), the examples
 * before it are the case — doctest runs them in order, so they hold on their own — and with no assertion among
 * them there is no case at all.
 */
final class DoctestExamples {

    private static final Pattern LITERAL = Pattern.compile(
            "^(-?\\d[\\d_]*(\\.\\d+)?([eE]-?\\d+)?|True|False|None|'[^']*'|\"[^\"]*\"|[\\[({].*[\\])}])$", Pattern.DOTALL);
    private static final Pattern COMPOUND =
            Pattern.compile("^(def|class|for|while|if|with|try|async|@)\\b");
    private static final Pattern RAISED = Pattern.compile("^([A-Za-z_]\\w*)(:.*)?$");
    /** A source whose value is compared as a whole only in parentheses (chained comparisons, conditionals, ...). */
    private static final Pattern NEEDS_PARENTHESES =
            Pattern.compile("\\n|==|!=|<|>|\\bis\\b|\\bin\\b|\\bnot\\b|\\band\\b|\\bor\\b|\\bif\\b|\\blambda\\b|:=");

    /**
     * One translated example: the statement, the exception it expects (or null), and what it prints (or null): for
     * a statement that only prints (a loop, {@code print(a, b)}), the output doctest compares, newline-terminated.
     */
    /**
     * One example as Python. {@code neverRun}: doctest skips it (+SKIP), so nothing has shown that the names it uses
     * exist where it runs.
     */
    record Line(String statement, String raises, String printed, boolean neverRun) {

        Line(String statement, String raises, String printed) {
            this(statement, raises, printed, false);
        }

        Line(String statement, String raises) {
            this(statement, raises, null, false);
        }
    }

    private DoctestExamples() {
    }

    static Optional<List<Line>> translate(String docstring) {
        if (docstring == null || !docstring.contains(">>>")) {
            return Optional.empty();
        }
        List<Line> lines = new ArrayList<>();
        String[] raw = docstring.split("\n");
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (!line.startsWith(">>>")) {
                continue;
            }
            int indent = raw[i].indexOf(">>>");
            StringBuilder source = new StringBuilder(line.substring(3).strip());
            while (i + 1 < raw.length && isContinuation(raw[i + 1].strip())) {
                String continued = raw[++i].strip();
                source.append('\n').append(continued.length() > 4 ? continued.substring(4) : "");
            }
            List<String> expected = new ArrayList<>();
            while (i + 1 < raw.length && !raw[i + 1].strip().isEmpty() && !raw[i + 1].strip().startsWith(">>>")) {
                String output = raw[++i].stripTrailing();
                int leading = output.length() - output.stripLeading().length();
                expected.add(output.substring(Math.min(indent, leading))); // as doctest sees it: relative indentation
            }
            String withComments = source.toString().stripTrailing();
            if (withComments.contains("doctest:")) {
                if (withComments.matches("(?s).*doctest:\\s*\\+SKIP.*")) {
                    // doctest does not run it, so no later example depends on it; but a dict or set shown as the
                    // result is usually skipped for its printed order only, which == does not look at
                    unorderedResult(withComments, expected).ifPresent(lines::add);
                    continue;
                }
                break; // ELLIPSIS, NORMALIZE_WHITESPACE, ...: output compared loosely
            }
            String code = withoutComments(withComments);
            if (code == null || expected.stream().anyMatch(e -> e.strip().startsWith("..."))) {
                break; // a triple-quoted string, or ellipsis output: leave it to doctest itself
            }
            if (code.isBlank()) {
                continue; // a comment alone
            }
            Line translated = translateOne(code, expected);
            if (translated == null) {
                break;
            }
            lines.add(translated);
        }
        return lines.stream().anyMatch(l -> l.statement().startsWith("assert") || l.raises() != null || l.printed() != null)
                ? Optional.of(lines) : Optional.empty();
    }

    /** A skipped example of an expression whose shown result is a dict or set: compared with {@code ==}. */
    private static Optional<Line> unorderedResult(String source, List<String> expected) {
        String code = withoutComments(source);
        if (code == null || code.isBlank() || expected.isEmpty() || !expected.get(0).startsWith("{")
                || expected.stream().anyMatch(e -> e.contains("...") || e.contains("<"))) {
            return Optional.empty();
        }
        Line translated = translateOne(code, expected);
        return translated != null && translated.statement().startsWith("assert") && translated.printed() == null
                ? Optional.of(new Line(translated.statement(), null, null, true)) : Optional.empty();
    }

    /** doctest's PS2 prompt: {@code ...} alone or followed by a space. */
    private static boolean isContinuation(String line) {
        return line.equals("...") || line.startsWith("... ");
    }

    /** Each line without its {@code #} comment (quotes respected); null for triple-quoted strings. */
    static String withoutComments(String source) {
        if (source.contains("\"\"\"") || source.contains("'''")) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (String line : source.split("\n", -1)) {
            int comment = firstUnquoted(line, i -> line.charAt(i) == '#');
            lines.add((comment < 0 ? line : line.substring(0, comment)).stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    private static Line translateOne(String source, List<String> expected) {
        if (expected.isEmpty()) {
            return source.startsWith("print(") ? null : new Line(source, null);
        }
        if (expected.get(0).startsWith("Traceback")) {
            var raised = RAISED.matcher(expected.get(expected.size() - 1).strip());
            return raised.matches() ? new Line(source, raised.group(1)) : null;
        }
        String output = String.join("\n", expected.stream().map(e -> e.equals("<BLANKLINE>") ? "" : e).toList());
        String printed = printedArgument(source);
        if (printed != null) {
            // print(x) writes str(x) and a newline: the expected lines are exactly that text
            return new Line("assert str(" + printed + ") == " + pythonString(output), null);
        }
        if (source.startsWith("print(") || COMPOUND.matcher(source).find() && !source.startsWith("def ")
                && !source.startsWith("class ") && !source.startsWith("@")) {
            return new Line(source, null, output + "\n"); // it prints, and shows no value: compare what it prints
        }
        String result = expected.size() == 1 ? expected.get(0)
                : expected.get(0).matches("^[\\[({].*") ? String.join(" ", expected.stream().map(String::strip).toList())
                : null; // a wrapped repr
        if (result == null || !LITERAL.matcher(result).matches() || source.contains("=")
                && !source.contains("==") && !source.contains("(") || COMPOUND.matcher(source).find()) {
            return null;
        }
        if (NEEDS_PARENTHESES.matcher(source).find()) {
            return new Line("assert (" + source + ") == " + result, null);
        }
        return new Line("assert " + source + " == " + result, null);
    }

    /** The single argument of {@code print(...)} on one line, or null. */
    private static String printedArgument(String source) {
        if (!source.startsWith("print(") || !source.endsWith(")") || source.contains("\n")) {
            return null;
        }
        String argument = source.substring(6, source.length() - 1);
        int[] depth = {0};
        int separator = firstUnquoted(argument, i -> {
            char c = argument.charAt(i);
            depth[0] += "([{".indexOf(c) >= 0 ? 1 : ")]}".indexOf(c) >= 0 ? -1 : 0;
            return c == ',' && depth[0] == 0 || depth[0] < 0;
        });
        // several arguments, sep=, end=, file=: not just str(x)
        return separator >= 0 || argument.isBlank() || depth[0] != 0 ? null : argument;
    }

    /**
     * The index of the first character outside string literals (quotes and escapes respected) that {@code stop}
     * accepts, or -1. {@code stop} sees every such character in order, so it may keep state.
     */
    private static int firstUnquoted(String text, IntPredicate stop) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (stop.test(i)) {
                return i;
            }
        }
        return -1;
    }

    static String pythonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
