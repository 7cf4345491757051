package io.greengate.suggestion.analysis.python;

import io.greengate.suggestion.analysis.ChangedSymbol;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;

/** A function's leading {@code if ...: raise X(...)} and {@code if ...: return <literal>} statements. */
final class PythonGuards {

    private PythonGuards() {
    }

    /**
     * Leading {@code if <condition>: raise <Exception>(...)} and {@code if <condition>: return <literal>} statements,
     * after an optional docstring.
     */
    static List<ChangedSymbol.Guard> guards(TSNode body, PythonSource text) {
        List<ChangedSymbol.Guard> guards = new ArrayList<>();
        for (TSNode statement : PythonSyntax.namedChildren(body)) {
            if (statement.getType().equals("expression_statement") && guards.isEmpty()
                    && statement.getNamedChild(0).getType().equals("string")) {
                continue;
            }
            if (statement.getType().equals("comment")) {
                continue;
            }
            if (!statement.getType().equals("if_statement") || statement.getNamedChildCount() != 2) {
                break; // elif/else, or the first real statement: guards end here
            }
            TSNode consequence = statement.getChildByFieldName("consequence");
            if (consequence.getNamedChildCount() != 1) {
                break;
            }
            if (consequence.getNamedChild(0).getType().equals("return_statement")) {
                String returned = returnedLiteral(consequence.getNamedChild(0), text);
                if (returned == null) {
                    break;
                }
                guards.add(ChangedSymbol.Guard.returning(text.of(statement.getChildByFieldName("condition")), returned,
                        statement.getStartPoint().getRow() + 1));
                continue;
            }
            if (!consequence.getNamedChild(0).getType().equals("raise_statement")) {
                break;
            }
            String exception = raisedClass(consequence.getNamedChild(0), text);
            if (exception == null) {
                break;
            }
            guards.add(new ChangedSymbol.Guard(text.of(statement.getChildByFieldName("condition")), exception,
                    statement.getStartPoint().getRow() + 1));
        }
        return guards;
    }

    /** The literal a {@code return} gives back (None for a bare return), or null when it is not a plain literal. */
    private static String returnedLiteral(TSNode returnStatement, PythonSource text) {
        if (returnStatement.getNamedChildCount() == 0) {
            return "None";
        }
        TSNode value = returnStatement.getNamedChild(0);
        return isLiteral(value) ? text.of(value) : null;
    }

    private static boolean isLiteral(TSNode node) {
        return switch (node.getType()) {
            case "none", "true", "false", "integer", "float" -> true;
            case "string" -> PythonSyntax.namedChildren(node).stream()
                    .noneMatch(c -> c.getType().equals("interpolation"));
            case "list", "tuple", "dictionary" -> node.getNamedChildCount() == 0;
            case "unary_operator" -> node.getNamedChildCount() == 1
                    && List.of("integer", "float").contains(node.getNamedChild(0).getType());
            default -> false;
        };
    }

    private static String raisedClass(TSNode raise, PythonSource text) {
        if (raise.getNamedChildCount() == 0) {
            return null;
        }
        TSNode raised = raise.getNamedChild(0);
        if (raised.getType().equals("call")) {
            raised = raised.getChildByFieldName("function");
        }
        return raised.getType().equals("identifier") ? text.of(raised) : null;
    }
}
