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
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
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
            names.add(p.name());
            values.add(value);
        }
        List<PytestCase> cases = new ArrayList<>();
        cases.add(observedCase(symbol, target.get(), names, values, null, null));
        for (String[] variant : variants(symbol, values)) {
            List<String> changed = new ArrayList<>(values);
            int index = Integer.parseInt(variant[0]);
            changed.set(index, variant[1]);
            cases.add(observedCase(symbol, target.get(), names, changed, variant[1],
                    "with " + names.get(index) + "=" + variant[1] + ", " + variant[2]));
        }
        return cases;
    }

    /** How many cases with the change's own constants as arguments one function gets beside the ordinary one. */
    static final int MAX_VARIANTS = 2;
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+(?:[eE][+-]?\\d+)?");

    /**
     * Up to {@value #MAX_VARIANTS} (index, literal, where it comes from): a constant of the change in place of an
     * argument whose ordinary value is of its sort (a number for a number, text for text), each constant once, then
     * the integers just past them (a boundary's other side).
     */
    private static List<String[]> variants(ChangedSymbol symbol, List<String> ordinary) {
        List<String[]> variants = new ArrayList<>();
        List<String[]> pastThem = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String constant : symbol.changeConstants()) {
            for (int i = 0; i < ordinary.size(); i++) {
                String value = ordinary.get(i);
                boolean fits = INTEGER.matcher(value).matches() ? INTEGER.matcher(constant).matches()
                        : DECIMAL.matcher(value).matches() ? DECIMAL.matcher(constant).matches()
                        || INTEGER.matcher(constant).matches()
                        : value.startsWith("'") && (constant.startsWith("'") || constant.startsWith("\""));
                if (!fits || constant.equals(value) || !seen.add(i + ":" + constant)) {
                    continue;
                }
                variants.add(new String[] {String.valueOf(i), constant, "a constant the change brings"});
                if (INTEGER.matcher(constant).matches() && INTEGER.matcher(value).matches()) {
                    String next = new java.math.BigInteger(constant).add(java.math.BigInteger.ONE).toString();
                    if (seen.add(i + ":" + next)) {
                        pastThem.add(new String[] {String.valueOf(i), next, "just past " + constant
                                + ", a constant the change brings"});
                    }
                }
                break;
            }
        }
        variants.addAll(pastThem);
        return variants.stream().limit(MAX_VARIANTS).toList();
    }

    private PytestCase observedCase(ChangedSymbol symbol, String target, List<String> names, List<String> values,
                                    String variant, String why) {
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            arguments.add(names.get(i) + "=" + values.get(i));
        }
        String call = target + "(" + String.join(", ", arguments) + ")";
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
                + "`;" + (why == null ? "" : " " + why + ", where what the change did is likely to show.")
                + " CI runs it at this commit and writes what the call gave (its value, or the exception it raised)"
                + " into the assertion, and only then is it shown. Accept it if that observed outcome is the intended"
                + " one: the case then keeps it from changing unnoticed.";
        String with = variant == null ? null : "with_" + describe(variant);
        return new PytestCase(symbol, name(), priorConfidence(), "test_" + snake(symbol.qualifiedName())
                + (with == null ? "" : "_" + with) + "_keeps_its_observed_outcome", body, false, rationale, false, with);
    }
}
