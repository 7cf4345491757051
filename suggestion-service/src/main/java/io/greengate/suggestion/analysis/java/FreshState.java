package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new instance's fields hold, as far as the source says it without running anything: a field's initializer
 * when it is a literal or a constant ({@code State.UNSTARTED}), or the type's default, for fields no constructor or
 * initializer block assigns. A guard clause on that state ({@code if (runningState != State.RUNNING) throw ...})
 * then tells what a method does on a fresh instance.
 */
final class FreshState {

    private final Map<String, String> values;

    private FreshState(Map<String, String> values) {
        this.values = values;
    }

    /** Nothing known when construction calls the class's own methods: they may set any field. */
    static FreshState of(ClassOrInterfaceDeclaration type) {
        List<Node> construction = new ArrayList<>(type.getConstructors());
        type.getMembers().stream().filter(m -> m instanceof InitializerDeclaration i && !i.isStatic())
                .forEach(construction::add);
        Set<String> assigned = new HashSet<>();
        for (Node node : construction) {
            if (node.findAll(MethodCallExpr.class).stream()
                    .anyMatch(c -> c.getScope().isEmpty() || c.getScope().get().isThisExpr())) {
                return new FreshState(Map.of());
            }
            node.findAll(AssignExpr.class).forEach(a -> fieldName(a.getTarget()).ifPresent(assigned::add));
            node.findAll(UnaryExpr.class).stream().filter(u -> u.getOperator().isPostfix() || u.getOperator()
                            == UnaryExpr.Operator.PREFIX_INCREMENT || u.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT)
                    .forEach(u -> fieldName(u.getExpression()).ifPresent(assigned::add));
        }
        Map<String, String> values = new HashMap<>();
        for (FieldDeclaration field : type.getFields()) {
            if (field.isStatic()) {
                continue;
            }
            for (VariableDeclarator variable : field.getVariables()) {
                String name = variable.getNameAsString();
                if (assigned.contains(name)) {
                    continue;
                }
                if (variable.getInitializer().isPresent()) {
                    constant(variable.getInitializer().get()).ifPresent(value -> values.put(name, value));
                } else if (!variable.getType().isPrimitiveType()) {
                    values.put(name, "null");
                } else {
                    values.put(name, variable.getType().asString().equals("boolean") ? "false" : "0");
                }
            }
        }
        return new FreshState(values);
    }

    /**
     * The fields the condition reads, with their fresh values ("runningState = State.UNSTARTED"), when the condition
     * holds on a fresh instance; empty when it does not hold or cannot be told (it reads a parameter, a call, ...).
     */
    Optional<String> holds(Expression condition, Set<String> parameters) {
        Set<String> read = new HashSet<>();
        Optional<Boolean> result = evaluate(condition, parameters, read);
        if (result.isEmpty() || !result.get() || read.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read.stream().sorted().map(name -> name + " = " + values.get(name))
                .collect(Collectors.joining(", ")));
    }

    private Optional<Boolean> evaluate(Expression expression, Set<String> parameters, Set<String> read) {
        if (expression instanceof EnclosedExpr enclosed) {
            return evaluate(enclosed.getInner(), parameters, read);
        }
        if (expression instanceof UnaryExpr unary && unary.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
            return evaluate(unary.getExpression(), parameters, read).map(b -> !b);
        }
        if (expression instanceof BinaryExpr binary) {
            switch (binary.getOperator()) {
                case AND, OR -> {
                    boolean and = binary.getOperator() == BinaryExpr.Operator.AND;
                    Optional<Boolean> left = evaluate(binary.getLeft(), parameters, read);
                    if (left.isPresent() && left.get() != and) {
                        return left; // short circuit: false && ..., true || ...
                    }
                    Optional<Boolean> right = evaluate(binary.getRight(), parameters, read);
                    return left.isPresent() ? right : Optional.empty();
                }
                case EQUALS, NOT_EQUALS -> {
                    Optional<String> left = value(binary.getLeft(), parameters, read);
                    Optional<String> right = value(binary.getRight(), parameters, read);
                    if (left.isEmpty() || right.isEmpty()) {
                        return Optional.empty();
                    }
                    return same(left.get(), right.get())
                            .map(same -> binary.getOperator() == BinaryExpr.Operator.EQUALS ? same : !same);
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return value(expression, parameters, read).filter(v -> v.equals("true") || v.equals("false"))
                .map(Boolean::parseBoolean);
    }

    /** A field's fresh value, or a constant as written; empty for anything else. */
    private Optional<String> value(Expression expression, Set<String> parameters, Set<String> read) {
        Optional<String> field = fieldName(expression)
                .filter(name -> expression.isFieldAccessExpr() || !parameters.contains(name))
                .filter(values::containsKey);
        if (field.isPresent()) {
            read.add(field.get());
            return Optional.of(values.get(field.get()));
        }
        if (expression instanceof NameExpr name && (values.containsKey(name.getNameAsString())
                || parameters.contains(name.getNameAsString()))) {
            return Optional.empty();
        }
        return constant(expression);
    }

    /** {@code name} or {@code this.name}. */
    private static Optional<String> fieldName(Expression expression) {
        if (expression instanceof NameExpr name) {
            return Optional.of(name.getNameAsString());
        }
        if (expression instanceof FieldAccessExpr access && access.getScope().isThisExpr()) {
            return Optional.of(access.getNameAsString());
        }
        return Optional.empty();
    }

    /** A literal, or a constant named in capitals ({@code State.UNSTARTED}, {@code UNSTARTED}). */
    private static Optional<String> constant(Expression expression) {
        if (expression.isNullLiteralExpr() || expression.isBooleanLiteralExpr() || expression.isIntegerLiteralExpr()
                || expression.isStringLiteralExpr() || expression.isCharLiteralExpr()) {
            return Optional.of(expression.toString());
        }
        String name = expression instanceof FieldAccessExpr access && !access.getScope().isThisExpr()
                ? access.getNameAsString() : expression instanceof NameExpr plain ? plain.getNameAsString() : null;
        if (name != null && name.matches("[A-Z][A-Z0-9_]*")) {
            return Optional.of(expression.toString());
        }
        return Optional.empty();
    }

    /**
     * Literals compare as written. Named constants compare by name only when qualified by the same type
     * ({@code State.NEW} and {@code State.RUNNING}: an enum's constants are distinct); a literal against a named
     * constant, or two other names, could be equal or not ({@code NONE = 0}), so that is left unknown.
     */
    private static Optional<Boolean> same(String left, String right) {
        if (isLiteral(left) && isLiteral(right)) {
            return Optional.of(left.equals(right));
        }
        if (isLiteral(left) || isLiteral(right)) {
            return Optional.empty();
        }
        int leftDot = left.lastIndexOf('.');
        int rightDot = right.lastIndexOf('.');
        if (leftDot < 0 || rightDot < 0 || !left.substring(0, leftDot).equals(right.substring(0, rightDot))) {
            return left.equals(right) ? Optional.of(true) : Optional.empty();
        }
        return Optional.of(left.equals(right));
    }

    private static boolean isLiteral(String value) {
        return value.equals("null") || value.equals("true") || value.equals("false")
                || !value.isEmpty() && (Character.isDigit(value.charAt(0)) || value.charAt(0) == '"'
                || value.charAt(0) == '\'' || value.charAt(0) == '-');
    }
}
