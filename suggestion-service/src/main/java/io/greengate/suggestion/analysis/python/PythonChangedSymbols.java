package io.greengate.suggestion.analysis.python;

import io.greengate.suggestion.analysis.ChangedSymbol;
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
 * tree-sitter's Python grammar: signature, defaults, docstring, leading {@code if ...: raise} guards
 * ({@link PythonGuards}) and round trips ({@link PythonRoundTrips}). What {@code ChangeAnalyzer} calls for a Python
 * file.
 */
public final class PythonChangedSymbols {

    private PythonChangedSymbols() {
    }

    public static List<ChangedSymbol> changedIn(ChangedFile file, String source) {
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        TSParser parser = new TSParser();
        parser.setLanguage(new TreeSitterPython());
        TSTree tree = parser.parseString(null, source);
        TSNode root = tree.getRootNode();
        PythonSource text = new PythonSource(bytes);
        String module = file.path().replaceAll("\\.py$", "").replace('/', '.');
        Set<String> moduleNames = topLevelNames(root, text);
        List<ChangedSymbol> symbols = new ArrayList<>();
        List<TSNode> functions = PythonSyntax.namedChildren(root).stream()
                .filter(s -> s.getType().equals("function_definition")).toList();
        for (TSNode statement : PythonSyntax.namedChildren(root)) {
            TSNode definition = PythonSyntax.unwrapDecorated(statement);
            if (definition.getType().equals("function_definition") && !PythonSyntax.isDecorated(statement)) {
                addIfChanged(symbols, file, text, module, null, false, definition, ChangedSymbol.Receiver.FUNCTION,
                        moduleNames, functions);
            } else if (definition.getType().equals("class_definition")) {
                addMethods(symbols, file, text, module, definition, moduleNames);
            }
        }
        return symbols;
    }

    private static void addMethods(List<ChangedSymbol> symbols, ChangedFile file, PythonSource text, String module,
                                   TSNode classNode, Set<String> moduleNames) {
        String owner = text.of(classNode.getChildByFieldName("name"));
        if (owner.startsWith("_")) {
            return;
        }
        TSNode body = classNode.getChildByFieldName("body");
        boolean constructible = noArgConstructible(body, text);
        List<TSNode> instanceMethods = new ArrayList<>();
        List<TSNode> staticMethods = new ArrayList<>();
        for (TSNode member : PythonSyntax.namedChildren(body)) {
            List<String> decorators = PythonSyntax.decorators(member, text);
            if (PythonSyntax.unwrapDecorated(member).getType().equals("function_definition")) {
                if (decorators.isEmpty()) {
                    instanceMethods.add(member);
                } else if (decorators.equals(List.of("staticmethod"))) {
                    staticMethods.add(PythonSyntax.unwrapDecorated(member));
                }
            }
        }
        for (TSNode member : PythonSyntax.namedChildren(body)) {
            TSNode method = PythonSyntax.unwrapDecorated(member);
            if (!method.getType().equals("function_definition")) {
                continue;
            }
            List<String> decorators = PythonSyntax.decorators(member, text);
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

    private static void addIfChanged(List<ChangedSymbol> symbols, ChangedFile file, PythonSource text, String module,
                                     String owner, boolean constructible, TSNode function,
                                     ChangedSymbol.Receiver receiver, Set<String> moduleNames,
                                     List<TSNode> siblings) {
        String name = text.of(function.getChildByFieldName("name"));
        int start = function.getStartPoint().getRow() + 1;
        int end = function.getEndPoint().getRow() + 1;
        if (name.startsWith("_") || !file.touches(start, end) || function.hasError()) {
            return;
        }
        List<ChangedSymbol.Parameter> parameters =
                PythonSyntax.parameters(function.getChildByFieldName("parameters"), text);
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
                new ChangedSymbol.Facts(PythonSyntax.docstring(body, text),
                        deferred ? List.of() : PythonGuards.guards(body, text),
                        PythonRoundTrips.inverses(function, siblings, file, text,
                                receiver == ChangedSymbol.Receiver.INSTANCE), null),
                new ChangedSymbol.PythonDetails(moduleNames)));
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

    private static boolean noArgConstructible(TSNode classBody, PythonSource text) {
        for (TSNode member : PythonSyntax.namedChildren(classBody)) {
            TSNode method = PythonSyntax.unwrapDecorated(member);
            if (method.getType().equals("function_definition")
                    && text.of(method.getChildByFieldName("name")).equals("__init__")) {
                List<ChangedSymbol.Parameter> parameters =
                        PythonSyntax.parameters(method.getChildByFieldName("parameters"), text);
                return parameters != null && parameters.stream().skip(1)
                        .allMatch(p -> p.defaultValue() != null || p.variadic());
            }
        }
        return true;
    }

    private static Set<String> topLevelNames(TSNode root, PythonSource text) {
        Set<String> names = new LinkedHashSet<>();
        for (TSNode statement : PythonSyntax.namedChildren(root)) {
            TSNode definition = PythonSyntax.unwrapDecorated(statement);
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
}
