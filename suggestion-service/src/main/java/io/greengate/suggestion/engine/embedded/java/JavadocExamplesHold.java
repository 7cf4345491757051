package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.render.JunitCase;

import java.util.List;
import java.util.stream.Collectors;

/** The Javadoc's {@code Owner.method(args) = result} lines (Apache Commons style) as assertions. */
final class JavadocExamplesHold extends JavaKind {

    JavadocExamplesHold() {
        super("javadoc-examples", 0.75);
    }

    @Override
    public List<JunitCase> find(ChangedSymbol symbol, Found<JunitCase> found) {
        List<JavadocExamples.Assertion> examples = JavadocExamples.translate(symbol);
        if (examples.isEmpty()) {
            return List.of();
        }
        List<String> assertions = examples.stream().map(JavadocExamples.Assertion::method).distinct().sorted().toList();
        String body = examples.stream().map(JavadocExamples.Assertion::statement).collect(Collectors.joining("\n        "));
        String rationale = "The Javadoc of " + symbol.qualifiedName() + " (" + symbol.file() + ", lines "
                + symbol.startLine() + "–" + symbol.endLine() + ") states " + examples.size()
                + " example(s) of calls and their results; this case turns them into assertions so they keep holding.";
        return List.of(junitCase(symbol, symbol.owner() + capitalize(symbol.name()) + "JavadocExamplesTest",
                symbol.name() + "MatchesItsJavadocExamples", assertions, body, rationale));
    }
}
