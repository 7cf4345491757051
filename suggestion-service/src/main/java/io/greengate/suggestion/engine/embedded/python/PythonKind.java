package io.greengate.suggestion.engine.embedded.python;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.NamedKind;
import io.greengate.suggestion.engine.embedded.render.PytestCase;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of pytest case: its name and prior confidence, the case model its cases are written as, and how a case
 * reaches the changed function (the module is imported as {@code module}).
 */
abstract class PythonKind extends NamedKind<PytestCase> {

    private static final Set<String> BUILTIN_EXCEPTIONS = Set.of("ValueError", "TypeError", "KeyError",
            "IndexError", "LookupError", "RuntimeError", "ZeroDivisionError", "ArithmeticError", "OverflowError",
            "AttributeError", "NotImplementedError", "AssertionError", "PermissionError", "FileNotFoundError",
            "OSError", "Exception", "UnicodeError", "StopIteration");

    PythonKind(String name, double priorConfidence) {
        super(name, priorConfidence);
    }

    final PytestCase pytestCase(ChangedSymbol symbol, String functionName, List<String> body, boolean usesPytest,
                                String rationale) {
        return new PytestCase(symbol, name(), priorConfidence(), functionName, body, usesPytest, rationale, false);
    }

    /** How the test reaches the symbol: module.f, module.Owner().method or module.Owner.static_method. */
    static Optional<String> callWithout(ChangedSymbol symbol) {
        return switch (symbol.receiver()) {
            case FUNCTION -> Optional.of("module." + symbol.name());
            case CLASS -> Optional.of("module." + symbol.qualifiedName());
            case INSTANCE -> symbol.constructible()
                    ? Optional.of("module." + symbol.owner() + "()." + symbol.name()) : Optional.empty();
        };
    }

    /** The parameters a call passes: an instance method's without self. */
    static List<ChangedSymbol.Parameter> callable(ChangedSymbol symbol) {
        return symbol.receiver() == ChangedSymbol.Receiver.INSTANCE
                ? symbol.parameters().subList(1, symbol.parameters().size()) : symbol.parameters();
    }

    /** How the test names an exception: a builtin as it is, the module's own through it; null for any other. */
    static String exceptionName(String exception, ChangedSymbol symbol) {
        if (BUILTIN_EXCEPTIONS.contains(exception)) {
            return exception;
        }
        return symbol.python().moduleNames().contains(exception) ? "module." + exception : null;
    }

    /** A literal as words for a Python name: {@code -1} → {@code minus_1}, {@code ''} → {@code empty}. */
    static String describe(String literal) {
        String words = literal.replace("-", "minus_").replace(".", "_").replaceAll("^(''|\"\"|\\[]|\\(\\)|\\{})$", "empty")
                .toLowerCase().replaceAll("[^a-z0-9_]", "");
        return words.isEmpty() ? "text" : words.length() > 24 ? words.substring(0, 24) : words;
    }
}
