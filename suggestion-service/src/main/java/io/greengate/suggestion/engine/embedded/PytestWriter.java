package io.greengate.suggestion.engine.embedded;

import io.greengate.platform.ranking.RankerFeatures;
import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.SuggestedTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes pytest cases under {@code tests/}. Each case loads the changed module from its path (so it runs
 * whatever the project's packaging), and is appended to the module's existing test file when CI sent it.
 */
final class PytestWriter {

    private static final Set<String> BUILTIN_EXCEPTIONS = Set.of("ValueError", "TypeError", "KeyError",
            "IndexError", "LookupError", "RuntimeError", "ZeroDivisionError", "ArithmeticError", "OverflowError",
            "AttributeError", "NotImplementedError", "AssertionError", "PermissionError", "FileNotFoundError",
            "OSError", "Exception", "UnicodeError", "StopIteration");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_]\\w*");

    private PytestWriter() {
    }

    /** The cases for one changed symbol: its behaviour where the code states it, else its signature. */
    static List<SuggestedTest> cases(ChangedSymbol symbol, Map<String, String> files) {
        return cases(symbol, files, false);
    }

    /** @param observe whether CI observes outcomes: then a changed function also gets an observed-outcome case */
    static List<SuggestedTest> cases(ChangedSymbol symbol, Map<String, String> files, boolean observe) {
        List<SuggestedTest> cases = new ArrayList<>();
        guardCase(symbol).ifPresent(c -> cases.add(file(symbol, c, files)));
        doctestCase(symbol).ifPresent(c -> cases.add(file(symbol, c, files)));
        roundTripCase(symbol).ifPresent(c -> cases.add(file(symbol, c, files)));
        if (observe) {
            observedCase(symbol).ifPresent(c -> cases.add(file(symbol, c, files)));
        }
        if (cases.isEmpty()) {
            cases.add(file(symbol, signatureCase(symbol), files));
        }
        cases.removeIf(c -> c == null);
        return cases;
    }

    /** A test function, before it is placed in a file. */
    record Case(String kind, String functionName, List<String> body, boolean usesPytest, String rationale,
                boolean usesCapsys) {

        Case(String kind, String functionName, List<String> body, boolean usesPytest, String rationale) {
            this(kind, functionName, body, usesPytest, rationale, false);
        }

        /** The engine's confidence in a case of this kind: the prior the ranker also learns with. */
        double confidence() {
            return RankerFeatures.priorConfidence(kind);
        }
    }

    static Optional<Case> guardCase(ChangedSymbol symbol) {
        if (symbol.guards().isEmpty()) {
            return Optional.empty();
        }
        ChangedSymbol.Guard guard = symbol.guards().get(0); // later guards could be pre-empted by earlier ones
        String exception = guard.returns() ? null : exceptionName(guard.exception(), symbol);
        Optional<String> call = callWithout(symbol);
        Optional<GuardInputs.Trigger> trigger = GuardInputs.solve(guard, callable(symbol), false);
        if ((exception == null && !guard.returns()) || call.isEmpty() || trigger.isEmpty()) {
            return Optional.empty();
        }
        // the other required parameters get None (the guard fires before they are used); the tripping one
        // goes by keyword, so skipped defaults before it cannot shift it
        // every argument by keyword: a positional None could land on the tripping parameter itself
        List<String> arguments = new ArrayList<>();
        callable(symbol).stream()
                .filter(p -> !p.variadic() && p.defaultValue() == null && !p.name().equals(trigger.get().parameter()))
                .forEach(p -> arguments.add(p.name() + "=None"));
        arguments.add(trigger.get().parameter() + "=" + trigger.get().literal());
        if (guard.returns()) {
            String returned = guard.returned();
            String comparison = List.of("None", "True", "False").contains(returned) ? " is " : " == ";
            String name = "test_" + snake(symbol.qualifiedName()) + "_returns_" + describe(returned) + "_when_"
                    + snake(trigger.get().parameter()) + "_is_" + describe(trigger.get().literal());
            String rationale = "Line " + guard.line() + " of " + symbol.file() + " returns " + returned + " when `"
                    + guard.condition() + "`; with " + trigger.get().parameter() + "=" + trigger.get().literal()
                    + " this case checks that " + symbol.qualifiedName() + " answers " + returned
                    + " before doing anything else.";
            return Optional.of(new Case("guard-returns", name, List.of("assert " + call.get() + "("
                    + String.join(", ", arguments) + ")" + comparison + returned), false, rationale));
        }
        String name = "test_" + snake(symbol.qualifiedName()) + "_raises_" + snake(guard.exception()) + "_when_"
                + snake(trigger.get().parameter()) + "_is_" + describe(trigger.get().literal());
        List<String> body = List.of("with pytest.raises(" + exception + "):",
                "    " + call.get() + "(" + String.join(", ", arguments) + ")");
        String rationale = "Line " + guard.line() + " of " + symbol.file() + " raises " + guard.exception() + " when `"
                + guard.condition() + "`; with " + trigger.get().parameter() + "=" + trigger.get().literal()
                + " this case checks that " + symbol.qualifiedName() + " refuses the input before doing anything.";
        return Optional.of(new Case("guard-raises", name, body, true, rationale));
    }

    static Optional<Case> doctestCase(ChangedSymbol symbol) {
        Optional<List<DoctestExamples.Line>> examples = DoctestExamples.translate(symbol.docstring());
        if (examples.isEmpty()) {
            return Optional.empty();
        }
        Set<String> used = new java.util.LinkedHashSet<>();
        List<String> statements = new ArrayList<>();
        boolean usesPytest = false;
        boolean usesCapsys = false;
        Set<String> assigned = new java.util.HashSet<>();
        for (DoctestExamples.Line line : examples.get()) {
            if (line.neverRun() && !namesResolve(line.statement(), symbol.python().moduleNames(), assigned)) {
                continue; // a skipped example may use what the module does not have (toolz's merge_with(first, ...))
            }
            assigned.addAll(boundNames(line.statement()));
            IDENTIFIER.matcher(line.statement()).results().map(r -> r.group())
                    .filter(symbol.python().moduleNames()::contains).forEach(used::add);
            if (line.raises() != null) {
                String exception = exceptionName(line.raises(), symbol);
                if (exception == null) {
                    return Optional.empty();
                }
                statements.add("with pytest.raises(" + exception + "):");
                line.statement().lines().forEach(l -> statements.add("    " + l));
                usesPytest = true;
            } else if (line.printed() != null) {
                statements.add("capsys.readouterr()");
                statements.addAll(line.statement().lines().toList());
                statements.add("assert capsys.readouterr().out == " + DoctestExamples.pythonString(line.printed()));
                usesCapsys = true;
            } else {
                statements.addAll(line.statement().lines().toList()); // an example may span lines (... continuations)
            }
        }
        if (!usesPytest && !usesCapsys && statements.stream().noneMatch(l -> l.startsWith("assert"))) {
            return Optional.empty(); // what is left checks nothing
        }
        List<String> body = new ArrayList<>();
        used.forEach(name -> body.add(name + " = module." + name));
        body.addAll(statements);
        String rationale = "The docstring of " + symbol.qualifiedName() + " (" + symbol.file() + ", lines "
                + symbol.startLine() + "–" + symbol.endLine() + ") states " + examples.get().size()
                + " example(s); this case turns them into assertions so they keep holding.";
        return Optional.of(new Case("doctest-examples", "test_" + snake(symbol.qualifiedName()) + "_docstring_examples",
                body, usesPytest, rationale, usesCapsys));
    }

    /** Names a statement binds: assignment, def, class, import, and the targets of for and lambda. */
    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^([A-Za-z_]\\w*)\\s*=(?!=)"
            + "|^(?:def|class)\\s+([A-Za-z_]\\w*)|^import\\s+([A-Za-z_]\\w*)|^from\\s+\\S+\\s+import\\s+([\\w, ]+)"
            + "|\\bfor\\s+([\\w, ]+?)\\s+in\\b|\\blambda\\s*([\\w, ]*):");
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:\\\\.|[^'\\\\])*'|\"(?:\\\\.|[^\"\\\\])*\"");
    /** Names a doctest example may use without the module having them. */
    private static final Set<String> PYTHON_NAMES = Set.of("None", "True", "False", "and", "or", "not", "in", "is",
            "if", "else", "for", "lambda", "assert", "len", "sum", "list", "dict", "set", "tuple", "str", "int", "float", "bool",
            "bytes", "frozenset", "sorted", "reversed", "range", "map", "filter", "zip", "min", "max", "abs", "any",
            "all", "iter", "next", "enumerate", "repr", "print", "isinstance", "type", "object", "round");

    private static Set<String> boundNames(String statement) {
        Set<String> names = new java.util.HashSet<>();
        ASSIGNMENT.matcher(statement).results().forEach(r -> {
            for (int group = 1; group <= r.groupCount(); group++) {
                if (r.group(group) != null) {
                    java.util.Arrays.stream(r.group(group).split("[, ]+")).filter(n -> !n.isBlank()).forEach(names::add);
                }
            }
        });
        return names;
    }

    /**
     * Whether every name the example uses is the module's, Python's, one an earlier example bound, or one the
     * example binds itself (a lambda's parameters, a comprehension's targets).
     */
    private static boolean namesResolve(String statement, Set<String> moduleNames, Set<String> earlier) {
        String code = STRING_LITERAL.matcher(statement).replaceAll("''");
        Set<String> assigned = new java.util.HashSet<>(earlier);
        assigned.addAll(boundNames(code));
        return IDENTIFIER.matcher(code).results().allMatch(r -> {
            String name = r.group();
            boolean attribute = r.start() > 0 && code.charAt(r.start() - 1) == '.';
            boolean keywordArgument = code.substring(r.end()).matches("(?s)\\s*=(?!=).*");
            boolean number = r.start() > 0 && Character.isDigit(code.charAt(r.start() - 1));
            return attribute || keywordArgument || number || moduleNames.contains(name) || assigned.contains(name)
                    || PYTHON_NAMES.contains(name);
        });
    }

    /** A value of each type a round trip can start from, with characters that need escaping and every byte sign. */
    private static final Map<String, String> SAMPLES = Map.of(
            "str", "'Greengate 42: <a href=\"x\">tests & more</a>'",
            "bytes", "b'\\x00\\x01\\x02*\\x7f\\x80\\xff'",
            "int", "42");

    /**
     * {@code decode(encode(x)) == x} for a function and its inverse (by names and annotations). Written once per
     * pair: by the encoding side, or by the decoding side when the encoding side did not change.
     */
    static Optional<Case> roundTripCase(ChangedSymbol symbol) {
        Optional<String> call = callWithout(symbol);
        if (call.isEmpty()) {
            return Optional.empty();
        }
        for (ChangedSymbol.Inverse inverse : symbol.inverses()) {
            if (!inverse.forward() && inverse.changed()) {
                continue;
            }
            String forward = inverse.forward() ? symbol.name() : inverse.name();
            String backward = inverse.forward() ? inverse.name() : symbol.name();
            String startType = inverse.forward() ? callable(symbol).get(0).type() : symbol.returnType();
            String sample = SAMPLES.get(startType);
            if (sample == null) {
                continue;
            }
            String target = call.get().substring(0, call.get().length() - symbol.name().length());
            String instance = symbol.receiver() == ChangedSymbol.Receiver.INSTANCE ? "subject" : null;
            List<String> body = new ArrayList<>();
            if (instance != null) {
                body.add("subject = " + target.substring(0, target.length() - 1));
                target = "subject.";
            }
            body.add("original = " + sample);
            body.add("assert " + target + backward + "(" + target + forward + "(original)) == original");
            String rationale = symbol.qualifiedName() + " changed (" + symbol.file() + ", lines " + symbol.startLine()
                    + "–" + symbol.endLine() + "); " + forward + " and " + backward + " undo each other by their names "
                    + "and annotations, so this case checks that " + backward + " gives back exactly what " + forward
                    + " was given, for a value with characters that need escaping.";
            String scope = symbol.owner() == null ? "" : snake(symbol.owner()) + "_";
            return Optional.of(new Case("round-trip", "test_" + scope + snake(backward) + "_undoes_" + snake(forward),
                    body, false, rationale));
        }
        return Optional.empty();
    }

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

    /**
     * A characterization case CI fills in (see {@link ObservedOutcomes}): the function called with ordinary arguments,
     * what it gave (its repr, an iterator's first 20 items, or the exception's type) compared with the placeholder.
     */
    static Optional<Case> observedCase(ChangedSymbol symbol) {
        Optional<String> target = callWithout(symbol);
        if (target.isEmpty()) {
            return Optional.empty();
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
                return Optional.empty();
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
        return Optional.of(new Case(ObservedOutcomes.KIND, "test_" + snake(symbol.qualifiedName())
                + "_keeps_its_observed_outcome", body, false, rationale));
    }

    static Case signatureCase(ChangedSymbol symbol) {
        String parameters = symbol.parameterNames().stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
        String rationale = "Lines " + symbol.startLine() + "–" + symbol.endLine() + " of " + symbol.file() + " changed "
                + symbol.qualifiedName() + "; no behaviour could be derived from the code alone, so this case pins its "
                + "parameters " + symbol.parameterNames() + " against a rename or reorder that would break callers.";
        return new Case("signature", "test_" + snake(symbol.qualifiedName()) + "_keeps_its_signature",
                List.of("import inspect", "",
                        "assert list(inspect.signature(module." + symbol.qualifiedName() + ").parameters) == ["
                                + parameters + "]"),
                false, rationale);
    }

    private static SuggestedTest file(ChangedSymbol symbol, Case testCase, Map<String, String> files) {
        String moduleName = symbol.file().replaceAll("^.*/", "").replaceAll("\\.py$", "");
        String conventionalPath = "tests/test_" + moduleName + ".py";
        String existing = files.get(conventionalPath);
        if (existing != null && existing.contains("def " + testCase.functionName() + "(")) {
            return null; // the repository already has this case
        }
        String testPath = existing != null ? conventionalPath
                : "tests/test_" + moduleName + "_" + snake(symbol.qualifiedName()) + "_" + testCase.kind().replace('-', '_')
                + ".py";
        int depth = (int) testPath.chars().filter(c -> c == '/').count();
        StringBuilder function = new StringBuilder();
        function.append("def ").append(testCase.functionName()).append(testCase.usesCapsys() ? "(capsys):\n" : "():\n");
        function.append("    \"\"\"Suggested by Greengate for ").append(symbol.qualifiedName()).append(".\"\"\"\n");
        function.append("    import importlib\n    import importlib.util\n    import pathlib\n    import sys\n");
        if (testCase.usesPytest()) {
            function.append("\n    import pytest\n");
        }
        function.append("\n    source = pathlib.Path(__file__).resolve().parents[").append(depth).append("] / \"")
                .append(symbol.file()).append("\"\n");
        // a module inside a package is imported as part of it (its relative imports need that); a lone module is
        // loaded from its path, so that a name like `types` cannot resolve to another module
        function.append("""
                    root, name = source.parent, source.stem
                    while (root / "__init__.py").is_file():
                        root, name = root.parent, root.name + "." + name
                    if "." in name:
                        sys.path.insert(0, str(root))
                        try:
                            module = importlib.import_module(name)
                        finally:
                            sys.path.remove(str(root))
                        assert pathlib.Path(module.__file__).resolve() == source, "imported " + module.__file__
                    else:
                        spec = importlib.util.spec_from_file_location(name, source)
                        module = importlib.util.module_from_spec(spec)
                        spec.loader.exec_module(module)

                """);
        for (String line : testCase.body()) {
            function.append(line.isEmpty() ? "\n" : "    " + line + "\n");
        }
        String code = existing == null ? function.toString() : appendCase(existing, function.toString());
        return new SuggestedTest(symbol.file(), symbol.qualifiedName(), "python", "pytest", testCase.kind(), testPath,
                code, existing, testCase.rationale(), testCase.confidence(), List.of(), null);
    }

    /** How the test reaches the symbol: module.f, module.Owner().method or module.Owner.static_method. */
    private static Optional<String> callWithout(ChangedSymbol symbol) {
        return switch (symbol.receiver()) {
            case FUNCTION -> Optional.of("module." + symbol.name());
            case CLASS -> Optional.of("module." + symbol.qualifiedName());
            case INSTANCE -> symbol.constructible()
                    ? Optional.of("module." + symbol.owner() + "()." + symbol.name()) : Optional.empty();
        };
    }

    private static List<ChangedSymbol.Parameter> callable(ChangedSymbol symbol) {
        return symbol.receiver() == ChangedSymbol.Receiver.INSTANCE
                ? symbol.parameters().subList(1, symbol.parameters().size()) : symbol.parameters();
    }

    private static String exceptionName(String exception, ChangedSymbol symbol) {
        if (BUILTIN_EXCEPTIONS.contains(exception)) {
            return exception;
        }
        return symbol.python().moduleNames().contains(exception) ? "module." + exception : null;
    }

    static String appendCase(String existing, String testCase) {
        String base = existing.endsWith("\n") ? existing : existing + "\n";
        return base + "\n\n" + testCase;
    }

    private static String describe(String literal) {
        String words = literal.replace("-", "minus_").replace(".", "_").replaceAll("^(''|\"\"|\\[]|\\(\\)|\\{})$", "empty")
                .toLowerCase().replaceAll("[^a-z0-9_]", "");
        return words.isEmpty() ? "text" : words.length() > 24 ? words.substring(0, 24) : words;
    }

    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toLowerCase();
    }
}
