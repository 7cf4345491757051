package io.greengate.suggestion.analysis;

import io.greengate.suggestion.diff.ChangedFile;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterPython;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Changed public module functions and methods of public top-level classes in a Python file, read with
 * tree-sitter's Python grammar: signature, defaults, docstring, and leading {@code if ...: raise} guards.
 */
public final class PythonSymbols {

    private PythonSymbols() {
    }

    public static List<ChangedSymbol> changedIn(ChangedFile file, String source) {
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        TSParser parser = new TSParser();
        parser.setLanguage(new TreeSitterPython());
        TSTree tree = parser.parseString(null, source);
        TSNode root = tree.getRootNode();
        Source text = new Source(bytes);
        String module = file.path().replaceAll("\\.py$", "").replace('/', '.');
        Set<String> moduleNames = topLevelNames(root, text);
        List<ChangedSymbol> symbols = new ArrayList<>();
        List<TSNode> functions = namedChildren(root).stream()
                .filter(s -> s.getType().equals("function_definition")).toList();
        for (TSNode statement : namedChildren(root)) {
            TSNode definition = unwrapDecorated(statement);
            if (definition.getType().equals("function_definition") && !isDecorated(statement)) {
                addIfChanged(symbols, file, text, module, null, false, definition, ChangedSymbol.Receiver.FUNCTION,
                        moduleNames, functions);
            } else if (definition.getType().equals("class_definition")) {
                addMethods(symbols, file, text, module, definition, moduleNames);
            }
        }
        return symbols;
    }

    private static void addMethods(List<ChangedSymbol> symbols, ChangedFile file, Source text, String module,
                                   TSNode classNode, Set<String> moduleNames) {
        String owner = text.of(classNode.getChildByFieldName("name"));
        if (owner.startsWith("_")) {
            return;
        }
        TSNode body = classNode.getChildByFieldName("body");
        boolean constructible = noArgConstructible(body, text);
        List<TSNode> instanceMethods = new ArrayList<>();
        List<TSNode> staticMethods = new ArrayList<>();
        for (TSNode member : namedChildren(body)) {
            List<String> decorators = decorators(member, text);
            if (unwrapDecorated(member).getType().equals("function_definition")) {
                if (decorators.isEmpty()) {
                    instanceMethods.add(member);
                } else if (decorators.equals(List.of("staticmethod"))) {
                    staticMethods.add(unwrapDecorated(member));
                }
            }
        }
        for (TSNode member : namedChildren(body)) {
            TSNode method = unwrapDecorated(member);
            if (!method.getType().equals("function_definition")) {
                continue;
            }
            List<String> decorators = decorators(member, text);
            ChangedSymbol.Receiver receiver;
            if (decorators.isEmpty()) {
                receiver = ChangedSymbol.Receiver.INSTANCE;
            } else if (decorators.equals(List.of("staticmethod"))) {
                receiver = ChangedSymbol.Receiver.CLASS;
            } else {
                continue; // properties, class methods and custom decorators change how a call works: leave them
            }
            addIfChanged(symbols, file, text, module, owner, constructible, method, receiver, moduleNames,
                    receiver == ChangedSymbol.Receiver.INSTANCE ? instanceMethods : staticMethods);
        }
    }

    private static void addIfChanged(List<ChangedSymbol> symbols, ChangedFile file, Source text, String module,
                                     String owner, boolean constructible, TSNode function,
                                     ChangedSymbol.Receiver receiver, Set<String> moduleNames,
                                     List<TSNode> siblings) {
        String name = text.of(function.getChildByFieldName("name"));
        int start = function.getStartPoint().getRow() + 1;
        int end = function.getEndPoint().getRow() + 1;
        if (name.startsWith("_") || !file.touches(start, end) || function.hasError()) {
            return;
        }
        List<ChangedSymbol.Parameter> parameters = parameters(function.getChildByFieldName("parameters"), text);
        if (parameters == null) {
            return;
        }
        if (receiver == ChangedSymbol.Receiver.INSTANCE) {
            if (parameters.isEmpty() || !parameters.get(0).name().equals("self")) {
                return;
            }
        }
        TSNode body = function.getChildByFieldName("body");
        TSNode returns = function.getChildByFieldName("return_type");
        // a generator or coroutine function runs nothing when called: its guards fire only once it is iterated/awaited
        boolean deferred = isAsync(function) || containsYield(body);
        symbols.add(new ChangedSymbol(new ChangedSymbol.Place(file.path(), "python", module, owner, start, end), name,
                ChangedSymbol.Shape.CALLABLE, new ChangedSymbol.Call(receiver, constructible, parameters,
                        returns == null || returns.isNull() ? null : text.of(returns)),
                new ChangedSymbol.Facts(docstring(body, text), deferred ? List.of() : guards(body, text),
                        inverses(function, siblings, file, text, receiver == ChangedSymbol.Receiver.INSTANCE), null),
                new ChangedSymbol.PythonDetails(moduleNames)));
    }

    /** Types a round trip can start from with a literal. */
    private static final Set<String> ROUND_TRIP_TYPES = Set.of("str", "bytes", "int");

    /** One annotated positional parameter (besides self) and an annotated return. */
    private record OneToOne(String name, String takes, String gives) {
    }

    /**
     * Functions of the same scope and receiver that undo this one, by their names and annotations (the round trip
     * starts from a str, bytes or int). Unannotated functions are left alone: their types are a guess.
     */
    private static List<ChangedSymbol.Inverse> inverses(TSNode function, List<TSNode> siblings, ChangedFile file,
                                                        Source text, boolean instance) {
        OneToOne own = oneToOne(function, text, instance);
        if (own == null) {
            return List.of();
        }
        List<ChangedSymbol.Inverse> found = new ArrayList<>();
        for (TSNode sibling : siblings) {
            TSNode other = unwrapDecorated(sibling);
            OneToOne theirs = other.getStartByte() == function.getStartByte() ? null : oneToOne(other, text, instance);
            if (theirs == null || !theirs.takes().equals(own.gives()) || !theirs.gives().equals(own.takes())) {
                continue;
            }
            Boolean forward = InversePairs.forward(own.name(), theirs.name());
            if (forward == null || !ROUND_TRIP_TYPES.contains(forward ? own.takes() : own.gives())) {
                continue;
            }
            found.add(new ChangedSymbol.Inverse(theirs.name(), forward,
                    file.touches(other.getStartPoint().getRow() + 1, other.getEndPoint().getRow() + 1)));
        }
        return found;
    }

    private static OneToOne oneToOne(TSNode function, Source text, boolean instance) {
        String name = text.of(function.getChildByFieldName("name"));
        TSNode returns = function.getChildByFieldName("return_type");
        List<ChangedSymbol.Parameter> parameters = parameters(function.getChildByFieldName("parameters"), text);
        if (name.startsWith("_") || returns == null || returns.isNull() || parameters == null) {
            return null;
        }
        if (instance) {
            if (parameters.isEmpty() || !parameters.get(0).name().equals("self")) {
                return null;
            }
            parameters = parameters.subList(1, parameters.size());
        }
        if (parameters.size() != 1 || parameters.get(0).variadic() || parameters.get(0).type() == null
                || parameters.get(0).defaultValue() != null) {
            return null;
        }
        return new OneToOne(name, parameters.get(0).type(), text.of(returns));
    }

    private static boolean isAsync(TSNode function) {
        return function.getChildCount() > 0 && function.getChild(0).getType().equals("async");
    }

    /** Whether a {@code yield} belongs to this body (not to a nested function, lambda or class). */
    private static boolean containsYield(TSNode node) {
        for (int i = 0; i < node.getNamedChildCount(); i++) {
            TSNode child = node.getNamedChild(i);
            switch (child.getType()) {
                case "yield" -> {
                    return true;
                }
                case "function_definition", "lambda", "class_definition" -> {
                }
                default -> {
                    if (containsYield(child)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Parameters in order; null when a form is present that the engine does not call safely (/, *). */
    private static List<ChangedSymbol.Parameter> parameters(TSNode list, Source text) {
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

    private static String docstring(TSNode body, Source text) {
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

    /**
     * Leading {@code if <condition>: raise <Exception>(...)} and {@code if <condition>: return <literal>} statements,
     * after an optional docstring.
     */
    private static List<ChangedSymbol.Guard> guards(TSNode body, Source text) {
        List<ChangedSymbol.Guard> guards = new ArrayList<>();
        for (TSNode statement : namedChildren(body)) {
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
    private static String returnedLiteral(TSNode returnStatement, Source text) {
        if (returnStatement.getNamedChildCount() == 0) {
            return "None";
        }
        TSNode value = returnStatement.getNamedChild(0);
        return isLiteral(value) ? text.of(value) : null;
    }

    private static boolean isLiteral(TSNode node) {
        return switch (node.getType()) {
            case "none", "true", "false", "integer", "float" -> true;
            case "string" -> namedChildren(node).stream().noneMatch(c -> c.getType().equals("interpolation"));
            case "list", "tuple", "dictionary" -> node.getNamedChildCount() == 0;
            case "unary_operator" -> node.getNamedChildCount() == 1
                    && List.of("integer", "float").contains(node.getNamedChild(0).getType());
            default -> false;
        };
    }

    private static String raisedClass(TSNode raise, Source text) {
        if (raise.getNamedChildCount() == 0) {
            return null;
        }
        TSNode raised = raise.getNamedChild(0);
        if (raised.getType().equals("call")) {
            raised = raised.getChildByFieldName("function");
        }
        return raised.getType().equals("identifier") ? text.of(raised) : null;
    }

    private static boolean noArgConstructible(TSNode classBody, Source text) {
        for (TSNode member : namedChildren(classBody)) {
            TSNode method = unwrapDecorated(member);
            if (method.getType().equals("function_definition")
                    && text.of(method.getChildByFieldName("name")).equals("__init__")) {
                List<ChangedSymbol.Parameter> parameters = parameters(method.getChildByFieldName("parameters"), text);
                return parameters != null && parameters.stream().skip(1)
                        .allMatch(p -> p.defaultValue() != null || p.variadic());
            }
        }
        return true;
    }

    private static Set<String> topLevelNames(TSNode root, Source text) {
        Set<String> names = new LinkedHashSet<>();
        for (TSNode statement : namedChildren(root)) {
            TSNode definition = unwrapDecorated(statement);
            if (definition.getType().equals("function_definition") || definition.getType().equals("class_definition")) {
                names.add(text.of(definition.getChildByFieldName("name")));
            } else if (statement.getType().equals("expression_statement")
                    && statement.getNamedChild(0).getType().equals("assignment")) {
                TSNode left = statement.getNamedChild(0).getChildByFieldName("left");
                if (left.getType().equals("identifier")) {
                    names.add(text.of(left));
                }
            }
        }
        return names;
    }

    private static boolean isDecorated(TSNode statement) {
        return statement.getType().equals("decorated_definition");
    }

    private static TSNode unwrapDecorated(TSNode statement) {
        return isDecorated(statement) ? statement.getChildByFieldName("definition") : statement;
    }

    private static List<String> decorators(TSNode statement, Source text) {
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

    private static List<TSNode> namedChildren(TSNode node) {
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

    /** Node text by byte offsets: tree-sitter counts UTF-8 bytes, not Java chars. */
    private record Source(byte[] bytes) {
        String of(TSNode node) {
            return new String(bytes, node.getStartByte(), node.getEndByte() - node.getStartByte(),
                    StandardCharsets.UTF_8);
        }
    }
}
