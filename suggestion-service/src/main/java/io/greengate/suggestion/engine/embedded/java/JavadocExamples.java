package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.analysis.java.JavaValues;
import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import io.greengate.suggestion.analysis.ChangedSymbol;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Examples a Javadoc states in the {@code <pre>} style of Apache Commons, one per line:
 * {@code StringUtils.abbreviate("abcdefg", 6) = "abc..."}. A line becomes an assertion only when the call is the
 * documented static method with as many arguments as it has parameters (a varargs parameter takes any number of
 * them, a {@code null} for the whole array, or an array literal), every argument is a literal the parameter accepts
 * ({@code *}, "any value", is not), and the result is a literal of the return type; other lines are left out (each
 * line stands alone, so leaving one out changes no other).
 */
final class JavadocExamples {

    /** One example as Java: the assertion's name and the statement. */
    record Assertion(String method, String statement) {
    }

    private static final Pattern IDENTITY_HASH = Pattern.compile("\\w@[0-9a-fA-F]{2,}\\b");
    private static final Set<String> INTEGRAL = Set.of("int", "long", "short", "byte", "char", "float", "double");

    private JavadocExamples() {
    }

    static List<Assertion> translate(ChangedSymbol symbol) {
        List<Assertion> assertions = new ArrayList<>();
        if (symbol.docstring() == null || symbol.receiver() != ChangedSymbol.Receiver.CLASS) {
            return assertions;
        }
        Pattern line = Pattern.compile("^\\s*(?:" + Pattern.quote(symbol.owner()) + "\\.)?" + Pattern.quote(symbol.name())
                + "\\s*(\\(.*\\))\\s*=\\s*(\\S.*?)\\s*$");
        JavaParser parser = new JavaParser(); // one per call: a JavaParser is not safe to share between threads
        for (String text : symbol.docstring().split("\n")) {
            Matcher m = line.matcher(text);
            // a unicode escape would be read by javac, not kept as text; Object@1e23 is an identity hash of one run
            if (m.matches() && !text.contains("&") && !text.contains("*") && !text.contains("\\u")
                    && !IDENTITY_HASH.matcher(m.group(2)).find()) {
                Assertion assertion = translateOne(parser, symbol, m.group(1), m.group(2));
                if (assertion != null && assertions.stream().noneMatch(a -> a.statement().equals(assertion.statement()))) {
                    assertions.add(assertion);
                }
            }
        }
        return assertions;
    }

    private static Assertion translateOne(JavaParser parser, ChangedSymbol symbol, String arguments, String result) {
        ParseResult<Expression> call = parser.parseExpression("f" + arguments);
        ParseResult<Expression> expected = parser.parseExpression(result);
        List<ChangedSymbol.Parameter> parameters = symbol.parameters();
        boolean variadic = !parameters.isEmpty() && parameters.get(parameters.size() - 1).variadic();
        int fixed = variadic ? parameters.size() - 1 : parameters.size();
        if (!call.isSuccessful() || !expected.isSuccessful() || !(call.getResult().get() instanceof MethodCallExpr method)
                || (variadic ? method.getArguments().size() < fixed : method.getArguments().size() != fixed)) {
            return null;
        }
        List<String> written = new ArrayList<>();
        for (int i = 0; i < fixed; i++) {
            String type = parameters.get(i).type();
            Expression argument = method.getArgument(i);
            if (!accepts(type, argument)) {
                return null;
            }
            written.add(argument.isNullLiteralExpr() ? "(" + type + ") null" : argument.toString());
        }
        if (variadic) {
            String rest = variadicArgument(parameters.get(fixed).type(), method.getArguments().subList(fixed,
                    method.getArguments().size()));
            if (rest == null) {
                return null;
            }
            written.add(rest);
        }
        String invocation = symbol.owner() + "." + symbol.name() + "(" + String.join(", ", written) + ")";
        Expression value = expected.getResult().get();
        String returnType = symbol.returnType();
        if (value.isNullLiteralExpr() && !JavaValues.PRIMITIVE_DEFAULTS.containsKey(returnType)
                && !returnType.equals("void")) {
            return new Assertion("assertNull", "assertNull(" + invocation + ");");
        }
        if (value.isBooleanLiteralExpr() && (returnType.equals("boolean") || returnType.equals("Boolean"))) {
            String assertion = value.asBooleanLiteralExpr().getValue() ? "assertTrue" : "assertFalse";
            return new Assertion(assertion, assertion + "(" + invocation + ");");
        }
        if (!value.isNullLiteralExpr() && !value.isBooleanLiteralExpr() && accepts(returnType, value)
                && !returnType.equals("float")) {
            return new Assertion("assertEquals", "assertEquals(" + value + ", " + invocation + ");");
        }
        return null;
    }

    /** Element types a varargs array of the test can be written of. */
    private static final Set<String> VARARGS_ELEMENTS = Set.of("String", "CharSequence", "Object", "int", "long",
            "double", "char", "boolean", "Integer", "Long", "Double", "Character", "Boolean");

    /**
     * The varargs part of a call as one explicit array: a lone {@code null} is the null array (as javac reads
     * {@code f(null)}), a lone array literal is passed as it is, anything else becomes {@code new T[] {...}}.
     */
    private static String variadicArgument(String arrayType, List<Expression> arguments) {
        String element = arrayType.substring(0, arrayType.length() - 2);
        if (!VARARGS_ELEMENTS.contains(element)) {
            return null;
        }
        if (arguments.size() == 1 && arguments.get(0).isNullLiteralExpr()) {
            return "(" + arrayType + ") null";
        }
        if (arguments.size() == 1 && arguments.get(0) instanceof ArrayCreationExpr) {
            return accepts(arrayType, arguments.get(0)) ? arguments.get(0).toString() : null;
        }
        List<String> values = new ArrayList<>();
        for (Expression argument : arguments) {
            if (!accepts(element, argument)) {
                return null;
            }
            values.add(argument.toString());
        }
        return "new " + arrayType + " {" + String.join(", ", values) + "}";
    }

    /** Whether a parameter (or return value) of this type takes the literal as it is written. */
    private static boolean accepts(String type, Expression literal) {
        if (literal.isUnaryExpr() && literal.asUnaryExpr().getOperator() == UnaryExpr.Operator.MINUS) {
            Expression number = literal.asUnaryExpr().getExpression();
            return (number.isIntegerLiteralExpr() || number.isLongLiteralExpr() || number.isDoubleLiteralExpr())
                    && accepts(type, number) && !type.equals("char");
        }
        if (literal.isNullLiteralExpr()) {
            return !JavaValues.PRIMITIVE_DEFAULTS.containsKey(type);
        }
        if (literal.isStringLiteralExpr()) {
            return type.equals("String") || type.equals("CharSequence") || type.equals("Object");
        }
        if (literal.isCharLiteralExpr()) {
            return type.equals("char") || type.equals("Character");
        }
        if (literal.isBooleanLiteralExpr()) {
            return type.equals("boolean") || type.equals("Boolean");
        }
        if (literal.isIntegerLiteralExpr()) {
            return INTEGRAL.contains(type) && !type.equals("char") && !type.equals("short") && !type.equals("byte");
        }
        if (literal.isLongLiteralExpr()) {
            return type.equals("long") || type.equals("double");
        }
        if (literal.isDoubleLiteralExpr()) {
            String text = literal.asDoubleLiteralExpr().getValue().toLowerCase();
            return type.equals("double") && !text.endsWith("f") || type.equals("float") && text.endsWith("f");
        }
        if (literal instanceof ArrayCreationExpr array && type.endsWith("[]") && array.getInitializer().isPresent()
                && array.getLevels().size() == 1) {
            String element = type.substring(0, type.length() - 2);
            String written = array.getElementType().asString();
            // arrays are covariant: a String[] is a CharSequence[] and an Object[]
            boolean assignable = written.equals(element)
                    || written.equals("String") && (element.equals("CharSequence") || element.equals("Object"));
            return assignable && array.getInitializer().get().getValues().stream().allMatch(v -> accepts(written, v));
        }
        return false;
    }
}
