package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.Type;
import io.greengate.suggestion.diff.ChangedFile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who calls whom inside one top-level class: the public methods whose cases run a changed non-public helper, or a
 * changed method or constructor of a type nested in the class.
 */
final class CallGraph {

    private CallGraph() {
    }

    /**
     * Public methods of the class that call, directly or through other methods of the class, a non-public method
     * whose lines changed, or a method or constructor of a type nested in the class whose lines changed: name → that
     * changed member ({@code head}, {@code Buffer.put}, {@code Buffer.<init>}). Their cases run the changed lines. A
     * call on a variable reaches a nested type's method when the variable is declared of that type (or a nested
     * subtype of it).
     */
    static Map<String, String> reachedThroughChangedHelpers(ClassOrInterfaceDeclaration type, ChangedFile file) {
        Map<String, TypeDeclaration<?>> nested = new HashMap<>();
        type.findAll(TypeDeclaration.class).stream().filter(t -> t != type)
                .forEach(t -> nested.putIfAbsent(t.getNameAsString(), t));
        Map<String, Set<String>> calls = new HashMap<>();
        Set<String> changedHelpers = new HashSet<>();
        for (MethodDeclaration method : type.getMethods()) {
            calls.computeIfAbsent(method.getNameAsString(), n -> new HashSet<>())
                    .addAll(callsFrom(method, type, type, nested));
            if (!method.isPublic() && ChangedLines.touched(method, file)) {
                changedHelpers.add(method.getNameAsString());
            }
        }
        for (TypeDeclaration<?> inner : nested.values()) {
            for (MethodDeclaration method : inner.getMethods()) {
                String key = inner.getNameAsString() + "." + method.getNameAsString();
                calls.computeIfAbsent(key, n -> new HashSet<>()).addAll(callsFrom(method, inner, type, nested));
                if (ChangedLines.touched(method, file)) {
                    changedHelpers.add(key);
                }
            }
            for (ConstructorDeclaration constructor : inner.getConstructors()) {
                String key = inner.getNameAsString() + ".<init>";
                calls.computeIfAbsent(key, n -> new HashSet<>()).addAll(callsFrom(constructor, inner, type, nested));
                if (ChangedLines.touched(constructor, file)) {
                    changedHelpers.add(key);
                }
            }
        }
        Map<String, String> reached = new HashMap<>();
        for (MethodDeclaration method : type.getMethods()) {
            if (method.isPublic()) {
                findChangedHelper(method.getNameAsString(), calls, changedHelpers, new HashSet<>())
                        .ifPresent(helper -> reached.put(method.getNameAsString(), helper.endsWith(".<init>")
                                ? "the constructor of " + helper.substring(0, helper.length() - 7) : helper));
            }
        }
        return reached;
    }

    /**
     * The members a method or constructor calls, as keys of the call graph: a method of the top-level class by its
     * name, a nested type's method or constructor as {@code Type.name} / {@code Type.<init>}.
     */
    static Set<String> callsFrom(Node callable, TypeDeclaration<?> enclosing, TypeDeclaration<?> topLevel,
                                 Map<String, TypeDeclaration<?>> nested) {
        Set<String> keys = new HashSet<>();
        Map<String, Optional<String>> declared = new HashMap<>(); // variable → its type, looked up once
        for (MethodCallExpr call : callable.findAll(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            if (call.getScope().isEmpty() || call.getScope().get().isThisExpr()) {
                String declaring = enclosing == topLevel ? null
                        : declaringNestedType(enclosing.getNameAsString(), name, nested);
                keys.add(declaring == null ? name : declaring + "." + name);
            } else if (!nested.isEmpty() && call.getScope().get() instanceof NameExpr variable) {
                declared.computeIfAbsent(variable.getNameAsString(), v -> declaredType(v, callable, enclosing, topLevel))
                        .filter(nested::containsKey)
                        .map(t -> declaringNestedType(t, name, nested))
                        .ifPresent(declaring -> keys.add(declaring + "." + name));
            }
        }
        for (ObjectCreationExpr creation : callable.findAll(ObjectCreationExpr.class)) {
            if (nested.containsKey(creation.getType().getNameAsString())) {
                keys.add(creation.getType().getNameAsString() + ".<init>");
            }
        }
        return keys;
    }

    /** The nested type (this one or a nested supertype) that declares the method, or null. */
    private static String declaringNestedType(String typeName, String method, Map<String, TypeDeclaration<?>> nested) {
        Set<String> seen = new HashSet<>();
        TypeDeclaration<?> type = nested.get(typeName);
        while (type != null && seen.add(type.getNameAsString())) {
            if (!type.getMethodsByName(method).isEmpty()) {
                return type.getNameAsString();
            }
            type = type instanceof ClassOrInterfaceDeclaration c && !c.getExtendedTypes().isEmpty()
                    ? nested.get(c.getExtendedTypes(0).getNameAsString()) : null;
        }
        return null;
    }

    /** The simple type name a variable is declared with: a local or parameter of the callable, else a field. */
    private static Optional<String> declaredType(String variable, Node callable, TypeDeclaration<?> enclosing,
                                                 TypeDeclaration<?> topLevel) {
        Optional<String> local = callable.findAll(VariableDeclarator.class).stream()
                .filter(v -> v.getNameAsString().equals(variable)).findFirst()
                .map(v -> v.getType().isVarType() ? v.getInitializer().filter(Expression::isObjectCreationExpr)
                        .map(i -> i.asObjectCreationExpr().getType().getNameAsString()).orElse(null)
                        : simpleTypeName(v.getType()));
        if (local.isPresent()) {
            return local;
        }
        Optional<String> parameter = callable.findAll(Parameter.class).stream()
                .filter(p -> p.getNameAsString().equals(variable)).findFirst().map(p -> simpleTypeName(p.getType()));
        if (parameter.isPresent()) {
            return parameter;
        }
        for (TypeDeclaration<?> owner : List.of(enclosing, topLevel)) {
            Optional<String> field = owner.getFields().stream().flatMap(f -> f.getVariables().stream())
                    .filter(v -> v.getNameAsString().equals(variable)).findFirst().map(v -> simpleTypeName(v.getType()));
            if (field.isPresent()) {
                return field;
            }
        }
        return Optional.empty();
    }

    private static String simpleTypeName(Type type) {
        return type.isClassOrInterfaceType() ? type.asClassOrInterfaceType().getNameAsString() : null;
    }

    static Optional<String> findChangedHelper(String method, Map<String, Set<String>> calls,
                                              Set<String> changedHelpers, Set<String> seen) {
        if (!seen.add(method)) {
            return Optional.empty();
        }
        for (String callee : calls.getOrDefault(method, Set.of())) {
            if (changedHelpers.contains(callee)) {
                return Optional.of(callee);
            }
            Optional<String> deeper = findChangedHelper(callee, calls, changedHelpers, seen);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return Optional.empty();
    }
}
