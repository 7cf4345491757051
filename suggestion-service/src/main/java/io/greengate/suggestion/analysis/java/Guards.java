package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.javadoc.Javadoc;
import io.greengate.suggestion.analysis.ChangedSymbol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A method's guards: its leading {@code if (...) throw} and {@code if (...) return <literal>} statements (marked when
 * they hold on a fresh instance), those only its Javadoc states ({@link DocumentedGuards}), and its early exits.
 */
public final class Guards {

    private Guards() {
    }

    /**
     * The guards the code states, then those only its Javadoc states.
     *
     * @param fresh what a new instance holds (null for a static method or a class without a no-arg constructor):
     *              a guard on the object's state that holds for it is marked
     */
    static List<ChangedSymbol.Guard> guards(MethodDeclaration method, List<String> imports, FreshState fresh) {
        List<ChangedSymbol.Guard> guards = new ArrayList<>(codeGuards(method, fresh));
        Optional<Javadoc> javadoc = method.getJavadoc(); // parsed once for both readers
        if (javadoc.isPresent()) {
            guards.addAll(DocumentedGuards.documentedGuards(method, javadoc.get(), imports));
            DocumentedGuards.documentedNullReturn(method, javadoc.get()).ifPresent(guards::add);
        }
        return guards;
    }

    /** A leading {@code if} without {@code else}, with what it does (a lone statement in braces unwrapped). */
    private record LeadingIf(IfStmt statement, Statement then) {
    }

    /** The method's leading {@code if} statements without {@code else}, up to the first other statement. */
    private static List<LeadingIf> leadingIfs(MethodDeclaration method) {
        List<LeadingIf> ifs = new ArrayList<>();
        for (Statement statement : method.getBody().map(BlockStmt::getStatements).orElse(new NodeList<>())) {
            if (!(statement instanceof IfStmt guard) || guard.getElseStmt().isPresent()) {
                break;
            }
            Statement then = guard.getThenStmt();
            if (then instanceof BlockStmt block && block.getStatements().size() == 1) {
                then = block.getStatement(0);
            }
            ifs.add(new LeadingIf(guard, then));
        }
        return ifs;
    }

    /** The conditions of the leading {@code if (condition) return ...;} statements (throw guards may come between). */
    static List<String> earlyExits(MethodDeclaration method) {
        List<String> conditions = new ArrayList<>();
        for (LeadingIf leading : leadingIfs(method)) {
            if (leading.then() instanceof ReturnStmt) {
                conditions.add(leading.statement().getCondition().toString());
            } else if (!(leading.then() instanceof ThrowStmt)) {
                break;
            }
        }
        return conditions;
    }

    /** Leading {@code if (condition) throw new X(...)} and {@code if (condition) return <literal>} statements. */
    private static List<ChangedSymbol.Guard> codeGuards(MethodDeclaration method, FreshState fresh) {
        List<ChangedSymbol.Guard> guards = new ArrayList<>();
        for (LeadingIf leading : leadingIfs(method)) {
            IfStmt guard = leading.statement();
            int line = guard.getBegin().map(p -> p.line).orElse(0);
            if (leading.then() instanceof ReturnStmt returned
                    && returned.getExpression().filter(Guards::isLiteral).isPresent()) {
                guards.add(ChangedSymbol.Guard.returning(guard.getCondition().toString(),
                        returned.getExpression().get().toString(), line));
                continue;
            }
            if (!(leading.then() instanceof ThrowStmt thrown) || !thrown.getExpression().isObjectCreationExpr()) {
                break;
            }
            String exception = thrown.getExpression().asObjectCreationExpr().getType().getNameWithScope();
            Optional<String> freshState = fresh == null ? Optional.empty() : fresh.holds(guard.getCondition(),
                    method.getParameters().stream().map(p -> p.getNameAsString()).collect(Collectors.toSet()));
            guards.add(freshState.isPresent()
                    ? ChangedSymbol.Guard.onFreshState(guard.getCondition().toString(), exception, line, freshState.get())
                    : new ChangedSymbol.Guard(guard.getCondition().toString(), exception, line));
        }
        return guards;
    }

    private static final Set<String> EMPTY_VALUES = Set.of("Collections.emptyList()", "Collections.emptySet()",
            "Collections.emptyMap()", "List.of()", "Set.of()", "Map.of()", "Optional.empty()");

    /** An empty collection or optional a guard may return (as written in the source): a test checks isEmpty(). */
    public static boolean isEmptyValue(String expression) {
        return EMPTY_VALUES.contains(expression.startsWith("java.util.") ? expression.substring(10) : expression);
    }

    /**
     * null, true/false, a string or an integer literal (possibly negated), or an empty collection or optional: a value
     * a test can state as it is.
     */
    private static boolean isLiteral(Expression expression) {
        if (isEmptyValue(expression.toString())) {
            return true;
        }
        if (expression.isUnaryExpr() && expression.asUnaryExpr().getOperator() == UnaryExpr.Operator.MINUS) {
            expression = expression.asUnaryExpr().getExpression();
            return expression.isIntegerLiteralExpr() || expression.isLongLiteralExpr();
        }
        return expression.isNullLiteralExpr() || expression.isBooleanLiteralExpr() || expression.isStringLiteralExpr()
                || expression.isIntegerLiteralExpr() || expression.isLongLiteralExpr();
    }
}
