package io.greengate.suggestion.engine.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code >>>} examples of a Python docstring as pytest statements: setup lines stay statements, an
 * example with a literal result becomes {@code assert expr == result}, a traceback becomes
 * {@code pytest.raises}. If any example is beyond that, there is no case at all.
 */
final class DoctestExamples {

    private static final Pattern LITERAL = Pattern.compile(
            "^(-?\\d[\\d_]*(\\.\\d+)?([eE]-?\\d+)?|True|False|None|'[^']*'|\"[^\"]*\"|[\\[({].*[\\])}])$");
    private static final Pattern RAISED = Pattern.compile("^([A-Za-z_]\\w*)(:.*)?$");

    /** One translated example line and the exception it expects, if any. */
    record Line(String statement, String raises) {
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
            String source = line.substring(3).strip();
            List<String> expected = new ArrayList<>();
            while (i + 1 < raw.length && !raw[i + 1].strip().isEmpty() && !raw[i + 1].strip().startsWith(">>>")) {
                expected.add(raw[++i].strip());
            }
            if (source.isEmpty() || expected.stream().anyMatch(e -> e.startsWith("..."))) {
                return Optional.empty(); // continuation lines or ellipsis output: leave to doctest itself
            }
            Line translated = translateOne(source, expected);
            if (translated == null) {
                return Optional.empty();
            }
            lines.add(translated);
        }
        return lines.stream().anyMatch(l -> l.statement().startsWith("assert") || l.raises() != null)
                ? Optional.of(lines) : Optional.empty();
    }

    private static Line translateOne(String source, List<String> expected) {
        if (expected.isEmpty()) {
            return source.startsWith("print(") ? null : new Line(source, null);
        }
        if (expected.get(0).startsWith("Traceback")) {
            var raised = RAISED.matcher(expected.get(expected.size() - 1));
            return raised.matches() ? new Line(source, raised.group(1)) : null;
        }
        if (expected.size() != 1 || !LITERAL.matcher(expected.get(0)).matches() || source.contains("=")
                && !source.contains("==") && !source.contains("(")) {
            return null;
        }
        return new Line("assert " + source + " == " + expected.get(0), null);
    }
}
