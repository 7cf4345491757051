package io.greengate.suggestion.analysis;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.type.Type;
import io.greengate.suggestion.diff.ChangedFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Changed public methods of public top-level classes, read with JavaParser. */
public final class JavaSymbols {

    private JavaSymbols() {
    }

    public static List<ChangedSymbol> changedIn(ChangedFile file, String source) {
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        ParseResult<CompilationUnit> result = parser.parse(source);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            return List.of();
        }
        CompilationUnit unit = result.getResult().get();
        String packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        List<String> imports = unit.getImports().stream().filter(i -> !i.isStatic())
                .map(ImportDeclaration::toString).map(String::strip).toList();
        List<ChangedSymbol> symbols = new ArrayList<>();
        for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
            if (!type.isPublic() || type.isInterface() || type.isAbstract() || !type.getTypeParameters().isEmpty()
                    || !type.isTopLevelType()) {
                continue;
            }
            Map<String, String> nested = nestedTypes(type);
            boolean constructible = type.getConstructors().isEmpty() || type.getConstructors().stream()
                    .anyMatch(c -> c.isPublic() && c.getParameters().isEmpty());
            for (MethodDeclaration method : type.getMethods()) {
                if (!method.isPublic() || method.isAbstract() || !method.getTypeParameters().isEmpty()
                        || method.getRange().isEmpty()) {
                    continue;
                }
                int start = method.getRange().get().begin.line;
                int end = method.getRange().get().end.line;
                if (!file.touches(start, end)) {
                    continue;
                }
                symbols.add(new ChangedSymbol(file.path(), "java", packageName, type.getNameAsString(),
                        method.getNameAsString(),
                        method.isStatic() ? ChangedSymbol.Receiver.CLASS : ChangedSymbol.Receiver.INSTANCE,
                        constructible, method.getParameters().stream().map(p -> parameter(p, nested)).toList(),
                        erased(method.getType(), nested), start, end,
                        method.getJavadocComment().map(c -> c.parse().toText()).orElse(null),
                        guards(method), imports, Set.of()));
            }
        }
        return symbols;
    }

    /** Leading {@code if (condition) throw new X(...)} and {@code if (condition) return <literal>} statements. */
    private static List<ChangedSymbol.Guard> guards(MethodDeclaration method) {
        List<ChangedSymbol.Guard> guards = new ArrayList<>();
        Optional<BlockStmt> body = method.getBody();
        if (body.isEmpty()) {
            return guards;
        }
        for (Statement statement : body.get().getStatements()) {
            if (!(statement instanceof IfStmt guard) || guard.getElseStmt().isPresent()) {
                break;
            }
            Statement then = guard.getThenStmt();
            if (then instanceof BlockStmt block && block.getStatements().size() == 1) {
                then = block.getStatement(0);
            }
            int line = guard.getBegin().map(p -> p.line).orElse(0);
            if (then instanceof ReturnStmt returned && returned.getExpression().filter(JavaSymbols::isLiteral).isPresent()) {
                guards.add(ChangedSymbol.Guard.returning(guard.getCondition().toString(),
                        returned.getExpression().get().toString(), line));
                continue;
            }
            if (!(then instanceof ThrowStmt thrown) || !thrown.getExpression().isObjectCreationExpr()) {
                break;
            }
            guards.add(new ChangedSymbol.Guard(guard.getCondition().toString(),
                    thrown.getExpression().asObjectCreationExpr().getType().getNameWithScope(),
                    guard.getBegin().map(p -> p.line).orElse(0)));
        }
        return guards;
    }

    /** null, true/false, a string or an integer literal (possibly negated): a value a test can state as it is. */
    private static boolean isLiteral(Expression expression) {
        if (expression.isUnaryExpr() && expression.asUnaryExpr().getOperator() == UnaryExpr.Operator.MINUS) {
            expression = expression.asUnaryExpr().getExpression();
            return expression.isIntegerLiteralExpr() || expression.isLongLiteralExpr();
        }
        return expression.isNullLiteralExpr() || expression.isBooleanLiteralExpr() || expression.isStringLiteralExpr()
                || expression.isIntegerLiteralExpr() || expression.isLongLiteralExpr();
    }

    private static ChangedSymbol.Parameter parameter(Parameter parameter, Map<String, String> nested) {
        String type = erased(parameter.getType(), nested);
        return new ChangedSymbol.Parameter(parameter.getNameAsString(), parameter.isVarArgs() ? type + "[]" : type,
                null, parameter.isVarArgs());
    }

    /**
     * The erased type as a test in the same package writes it: a type nested in the class ({@code Builder}) is
     * named through it ({@code Base58.Builder}), since the test class does not see it by its simple name.
     */
    private static String erased(Type type, Map<String, String> nested) {
        if (type.isClassOrInterfaceType()) {
            String name = type.asClassOrInterfaceType().getNameWithScope();
            int dot = name.indexOf('.');
            String first = dot < 0 ? name : name.substring(0, dot);
            return nested.containsKey(first) ? nested.get(first) + name.substring(first.length()) : name;
        }
        if (type.isArrayType()) {
            return erased(type.asArrayType().getComponentType(), nested) + "[]";
        }
        return type.asString();
    }

    /** Simple name → name through the top-level class, for every type declared inside it. */
    private static Map<String, String> nestedTypes(TypeDeclaration<?> topLevel) {
        Map<String, String> names = new HashMap<>();
        collectNested(topLevel, topLevel.getNameAsString(), names);
        return names;
    }

    private static void collectNested(TypeDeclaration<?> type, String path, Map<String, String> names) {
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> inner) {
                String innerPath = path + "." + inner.getNameAsString();
                names.putIfAbsent(inner.getNameAsString(), innerPath);
                collectNested(inner, innerPath, names);
            }
        }
    }
}
