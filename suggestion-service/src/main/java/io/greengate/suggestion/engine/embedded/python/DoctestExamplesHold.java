package io.greengate.suggestion.engine.embedded.python;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.render.PytestCase;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static io.greengate.suggestion.engine.embedded.render.PytestRenderer.snake;

/** The docstring's {@code >>>} examples as assertions (what they print too, and the exceptions they raise). */
final class DoctestExamplesHold extends PythonKind {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_]\\w*");

    DoctestExamplesHold() {
        super("doctest-examples", 0.75);
    }

    @Override
    public List<PytestCase> find(ChangedSymbol symbol, Found<PytestCase> found) {
        Optional<List<DoctestExamples.Line>> examples = DoctestExamples.translate(symbol.docstring());
        if (examples.isEmpty()) {
            return List.of();
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
                    return List.of();
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
            return List.of(); // what is left checks nothing
        }
        List<String> body = new ArrayList<>();
        used.forEach(name -> body.add(name + " = module." + name));
        body.addAll(statements);
        String rationale = "The docstring of " + symbol.qualifiedName() + " (" + symbol.file() + ", lines "
                + symbol.startLine() + "–" + symbol.endLine() + ") states " + examples.get().size()
                + " example(s); this case turns them into assertions so they keep holding.";
        return List.of(new PytestCase(symbol, name(), priorConfidence(),
                "test_" + snake(symbol.qualifiedName()) + "_docstring_examples", body, usesPytest, rationale, usesCapsys));
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
}
