package io.greengate.suggestion.analysis.python;

import io.greengate.suggestion.analysis.ChangedSymbol;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;

/** Reading tree-sitter's Python nodes: children, decorators, parameters and docstrings. */
final class PythonSyntax {

    private PythonSyntax() {
    }

    /** Parameters in order; null when a form is present that the engine does not call safely (/, *). */
    static List<ChangedSymbol.Parameter> parameters(TSNode list, PythonSource text) {
        List<ChangedSymbol.Parameter> parameters = new ArrayList<>();
        for (TSNode p : namedChildren(list)) {
            switch (p.getType()) {
                case "identifier" -> parameters.add(new ChangedSymbol.Parameter(text.of(p), null, null, false));
                case "typed_parameter" -> {
                    TSNode inner = p.getNamedChild(0);
                    if (!inner.getType().equals("identifier")) {
                        parameters.add(new ChangedSymbol.Parameter(text.of(inner).replace("*", ""), null, null, true));
                    } else {
                        parameters.add(new ChangedSymbol.Parameter(text.of(inner),
                                text.of(p.getChildByFieldName("type")), null, false));
                    }
                }
                case "default_parameter", "typed_default_parameter" -> {
                    TSNode type = p.getChildByFieldName("type");
                    parameters.add(new ChangedSymbol.Parameter(text.of(p.getChildByFieldName("name")),
                            type == null || type.isNull() ? null : text.of(type),
                            text.of(p.getChildByFieldName("value")), false));
                }
                case "list_splat_pattern", "dictionary_splat_pattern" ->
                        parameters.add(new ChangedSymbol.Parameter(text.of(p).replace("*", ""), null, null, true));
                default -> {
                    return null; // positional-only or keyword-only markers
                }
            }
        }
        return parameters;
    }

    static String docstring(TSNode body, PythonSource text) {
        if (body == null || body.isNull() || body.getNamedChildCount() == 0) {
            return null;
        }
        TSNode first = body.getNamedChild(0);
        if (first.getType().equals("expression_statement") && first.getNamedChildCount() == 1
                && first.getNamedChild(0).getType().equals("string")) {
            return stripQuotes(text.of(first.getNamedChild(0)));
        }
        return null;
    }

    static boolean isDecorated(TSNode statement) {
        return statement.getType().equals("decorated_definition");
    }

    static TSNode unwrapDecorated(TSNode statement) {
        return isDecorated(statement) ? statement.getChildByFieldName("definition") : statement;
    }

    static List<String> decorators(TSNode statement, PythonSource text) {
        List<String> names = new ArrayList<>();
        if (isDecorated(statement)) {
            for (TSNode child : namedChildren(statement)) {
                if (child.getType().equals("decorator")) {
                    names.add(text.of(child).substring(1).strip());
                }
            }
        }
        return names;
    }

    static List<TSNode> namedChildren(TSNode node) {
        List<TSNode> children = new ArrayList<>();
        if (node == null || node.isNull()) {
            return children;
        }
        for (int i = 0; i < node.getNamedChildCount(); i++) {
            children.add(node.getNamedChild(i));
        }
        return children;
    }

    private static String stripQuotes(String literal) {
        String body = literal.replaceFirst("^[rRuUbBfF]*", "");
        for (String quote : List.of("\"\"\"", "'''", "\"", "'")) {
            if (body.startsWith(quote) && body.endsWith(quote) && body.length() >= 2 * quote.length()) {
                return body.substring(quote.length(), body.length() - quote.length());
            }
        }
        return body;
    }
}
