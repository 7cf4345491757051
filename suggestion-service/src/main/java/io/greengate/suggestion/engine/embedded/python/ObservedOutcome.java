package io.greengate.suggestion.engine.embedded.python;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.ObservedOutcomes;
import io.greengate.suggestion.engine.embedded.render.PytestCase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.greengate.suggestion.engine.embedded.render.PytestRenderer.snake;

/**
 * A characterization case CI fills in (see {@link ObservedOutcomes}): the function called with ordinary arguments,
 * what it gave (its repr, an iterator's first 20 items, or the exception's type) compared with the placeholder.
 */
final class ObservedOutcome extends PythonKind {

    /** Ordinary arguments by annotation, for the parameters a call must pass (the others keep their defaults). */
    private static final Map<String, String> OBSERVED_SAMPLES = Map.of(
            "str", "'Hello, World 42'", "int", "3", "float", "1.5", "bool", "True", "bytes", "b'Hello\\x00\\xff'",
            "list", "[3, 1, 2]", "dict", "{'a': 1, 'b': 2}", "tuple", "(3, 1, 2)");

    /** The same by a parameter's name, where it has no annotation: the names these values go by in most code. */
    private static final List<Map.Entry<Pattern, String>> NAMED_SAMPLES = List.of(
            Map.entry(Pattern.compile("n|num|number|count|size|width|length|limit|index|i|k|times|digits|precision|ndigits"),
                    "3"),
            Map.entry(Pattern.compile("s|text|string|word|name|value|line|title|prefix|suffix|sep|separator|.*_str"),
                    "'Hello, World 42'"),
            Map.entry(Pattern.compile("seq|seqs|items|iterable|values|xs|lst|elements|coll|collection|.*_list"),
                    "[3, 1, 2]"),
            Map.entry(Pattern.compile("d|dct|mapping|dictionary|.*_dict"), "{'a': 1, 'b': 2}"));

    ObservedOutcome() {
        super(ObservedOutcomes.KIND, 0.45);
    }

    @Override
    public List<PytestCase> find(ChangedSymbol symbol, Found<PytestCase> found) {
        if (!found.observe()) {
            return List.of();
        }
        Optional<String> target = callWithout(symbol);
        if (target.isEmpty()) {
            return List.of();
        }
        List<String> arguments = new ArrayList<>();
        for (ChangedSymbol.Parameter p : callable(symbol)) {
            if (p.variadic() || p.defaultValue() != null) {
                continue;
            }
            String annotation = p.type() == null ? null : p.type().replaceAll("\\[.*", "").strip();
            String value = annotation != null ? OBSERVED_SAMPLES.get(annotation) : NAMED_SAMPLES.stream()
                    .filter(e -> e.getKey().matcher(p.name()).matches()).map(Map.Entry::getValue).findFirst()
                    .orElse(null);
            if (value == null) {
                return List.of();
            }
            arguments.add(p.name() + "=" + value);
        }
        String call = target.get() + "(" + String.join(", ", arguments) + ")";
        List<String> body = List.of("import itertools", "import re", "",
                "try:",
                "    value = " + call,
                "    if hasattr(value, \"__next__\"):",
                "        value = list(itertools.islice(value, 20))",
                "except Exception as error:",
                "    outcome = \"raised \" + type(error).__name__",
                "else:",
                "    # an object's default repr holds its address, which changes from run to run",
                "    outcome = \"returned \" + re.sub(r\" at 0x[0-9a-fA-F]+\", \" at 0x...\", repr(value))",
                ObservedOutcomes.PYTHON_ASSERTION);
        String rationale = "Lines " + symbol.startLine() + "–" + symbol.endLine() + " of " + symbol.file() + " changed "
                + symbol.qualifiedName() + ". This characterization case calls `" + call.replace("module.", "")
                + "`; CI runs it at this commit and writes what the call gave (its value, or the exception it raised)"
                + " into the assertion, and only then is it shown. Accept it if that observed outcome is the intended"
                + " one: the case then keeps it from changing unnoticed.";
        return List.of(pytestCase(symbol, "test_" + snake(symbol.qualifiedName()) + "_keeps_its_observed_outcome",
                body, false, rationale));
    }
}
