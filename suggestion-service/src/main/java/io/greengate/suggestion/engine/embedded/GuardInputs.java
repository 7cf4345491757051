package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.analysis.java.JavaValues;
import io.greengate.suggestion.analysis.ChangedSymbol;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an argument that makes a guard clause fire. It solves only the forms it fully understands — one
 * parameter compared with a number, {@code is None}/{@code == null}, {@code not p} — taking the first
 * solvable branch of an {@code or}/{@code ||}; anything else yields nothing rather than a guess.
 */
public final class GuardInputs {

    /** The parameter to set and the literal (in the target language) that trips the guard. */
    public record Trigger(String parameter, String literal) {
    }

    private static final Pattern COMPARISON =
            Pattern.compile("^\\(?\\s*([A-Za-z_]\\w*)\\s*(<=|>=|<|>|==)\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\)?$");
    private static final Pattern MIRRORED =
            Pattern.compile("^\\(?\\s*(-?\\d+(?:\\.\\d+)?)\\s*(<=|>=|<|>|==)\\s*([A-Za-z_]\\w*)\\s*\\)?$");
    private static final Pattern IS_NONE = Pattern.compile("^\\(?\\s*([A-Za-z_]\\w*)\\s+is\\s+None\\s*\\)?$");
    private static final Pattern NOT = Pattern.compile("^not\\s+([A-Za-z_]\\w*)$");
    private static final Pattern EQUALS_NULL = Pattern.compile("^\\(?\\s*([A-Za-z_]\\w*)\\s*==\\s*null\\s*\\)?$");
    private static final Pattern IS_EMPTY = Pattern.compile("^\\(?\\s*([A-Za-z_]\\w*)\\.isEmpty\\(\\)\\s*\\)?$");

    private GuardInputs() {
    }

    public static Optional<Trigger> solve(ChangedSymbol.Guard guard, List<ChangedSymbol.Parameter> parameters, boolean java) {
        String disjunction = java ? "\\|\\|" : "\\s+or\\s+";
        String condition = guard.condition().strip();
        // a negated whole (!(a || b), not (a or b)) fires when no branch holds: no branch alone trips it
        if (condition.contains(java ? "&&" : " and ") || condition.matches(java ? "^!\\s*\\(.*" : "^not\\s*\\(.*")) {
            return Optional.empty();
        }
        for (String branch : condition.split(disjunction)) {
            Optional<Trigger> trigger = solveBranch(branch.strip(), parameters, java);
            if (trigger.isPresent()) {
                return trigger;
            }
        }
        return Optional.empty();
    }

    private static Optional<Trigger> solveBranch(String branch, List<ChangedSymbol.Parameter> parameters, boolean java) {
        Matcher m = COMPARISON.matcher(branch);
        if (m.matches()) {
            return numeric(m.group(1), m.group(2), m.group(3), parameters, java);
        }
        m = MIRRORED.matcher(branch);
        if (m.matches()) {
            return numeric(m.group(3), mirror(m.group(2)), m.group(1), parameters, java);
        }
        if (java) {
            m = EQUALS_NULL.matcher(branch);
            if (m.matches() && isReference(parameter(m.group(1), parameters))) {
                return Optional.of(new Trigger(m.group(1), "null"));
            }
            m = IS_EMPTY.matcher(branch);
            ChangedSymbol.Parameter emptied = m.matches() ? parameter(m.group(1), parameters) : null;
            if (emptied != null && !emptied.variadic()) {
                return Optional.ofNullable(emptyValue(emptied.type())).map(empty -> new Trigger(emptied.name(), empty));
            }
            return Optional.empty();
        }
        m = IS_NONE.matcher(branch);
        if (m.matches() && parameter(m.group(1), parameters) != null) {
            return Optional.of(new Trigger(m.group(1), "None"));
        }
        m = NOT.matcher(branch);
        if (m.matches() && parameter(m.group(1), parameters) != null) {
            return Optional.of(new Trigger(m.group(1), "None"));
        }
        return Optional.empty();
    }

    private static Optional<Trigger> numeric(String name, String operator, String bound,
                                             List<ChangedSymbol.Parameter> parameters, boolean java) {
        ChangedSymbol.Parameter parameter = parameter(name, parameters);
        if (parameter == null || parameter.variadic()) {
            return Optional.empty();
        }
        BigDecimal limit = new BigDecimal(bound);
        BigDecimal value = switch (operator) {
            case "<" -> limit.subtract(BigDecimal.ONE);
            case ">" -> limit.add(BigDecimal.ONE);
            default -> limit; // <=, >=, ==
        };
        boolean decimal = bound.contains(".");
        if (!java) {
            return Optional.of(new Trigger(name, decimal ? value.toPlainString() : value.toBigInteger().toString()));
        }
        String type = parameter.type();
        String literal = switch (type) {
            case "int", "Integer", "short", "byte" -> decimal ? null : value.toBigInteger().toString();
            case "long", "Long" -> decimal ? null : value.toBigInteger() + "L";
            case "double", "Double" -> value.toPlainString() + (decimal ? "" : ".0");
            case "float", "Float" -> value.toPlainString() + (decimal ? "f" : ".0f");
            default -> null;
        };
        if (literal != null && (type.equals("short") || type.equals("byte"))) {
            literal = "(" + type + ") " + literal;
        }
        return Optional.ofNullable(literal).map(l -> new Trigger(name, l));
    }

    private static final Pattern NOT_NULL = Pattern.compile("^\\(?\\s*([A-Za-z_]\\w*)\\s*!=\\s*null\\s*\\)?$");
    private static final Pattern ZERO_LENGTH =
            Pattern.compile("^\\(?\\s*([A-Za-z_]\\w*)\\.length(?:\\(\\))?\\s*==\\s*0\\s*\\)?$");

    /**
     * Whether a Java condition surely holds for these arguments (parameter → the literal a case passes): a branch of
     * an {@code ||} in a form {@link #solve} understands. Anything else counts as not holding.
     */
    public static boolean holds(String condition, Map<String, String> arguments) {
        if (condition.contains("&&") || condition.strip().startsWith("!")) {
            return false;
        }
        for (String branch : condition.split("\\|\\|")) {
            String b = branch.strip();
            Matcher m = COMPARISON.matcher(b);
            if (m.matches() && compare(arguments.get(m.group(1)), m.group(2), m.group(3))) {
                return true;
            }
            m = MIRRORED.matcher(b);
            if (m.matches() && compare(arguments.get(m.group(3)), mirror(m.group(2)), m.group(1))) {
                return true;
            }
            m = EQUALS_NULL.matcher(b);
            if (m.matches() && isNull(arguments.get(m.group(1)))) {
                return true;
            }
            m = NOT_NULL.matcher(b);
            if (m.matches() && arguments.get(m.group(1)) != null && !isNull(arguments.get(m.group(1)))) {
                return true;
            }
            m = IS_EMPTY.matcher(b);
            Matcher length = ZERO_LENGTH.matcher(b);
            String emptied = m.matches() ? m.group(1) : length.matches() ? length.group(1) : null;
            if (emptied != null && isEmptyLiteral(arguments.get(emptied))) {
                return true;
            }
        }
        return false;
    }

    private static boolean compare(String argument, String operator, String bound) {
        if (argument == null) {
            return false;
        }
        String number = argument.replaceAll("^\\((?:short|byte)\\)\\s*", "").replaceAll("[lLfFdD]$", "");
        BigDecimal value;
        try {
            value = new BigDecimal(number);
        } catch (NumberFormatException notANumber) {
            return false;
        }
        int order = value.compareTo(new BigDecimal(bound));
        return switch (operator) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            default -> order == 0;
        };
    }

    private static boolean isNull(String argument) {
        return argument != null && (argument.equals("null") || argument.endsWith(") null"));
    }

    private static boolean isEmptyLiteral(String argument) {
        return argument != null && (argument.equals("\"\"") || argument.endsWith(".of()") || argument.endsWith("[0]"));
    }

    /** An empty value of the type, as a Java literal; null when there is none to write. */
    static String emptyValue(String type) {
        if (type.endsWith("[]")) {
            return "new " + type.substring(0, type.length() - 2) + "[0]";
        }
        return switch (type) {
            case "String", "CharSequence" -> "\"\"";
            case "List", "Collection" -> "java.util.List.of()";
            case "Set" -> "java.util.Set.of()";
            case "Map" -> "java.util.Map.of()";
            default -> null;
        };
    }

    private static String mirror(String operator) {
        return switch (operator) {
            case "<" -> ">";
            case ">" -> "<";
            case "<=" -> ">=";
            case ">=" -> "<=";
            default -> operator;
        };
    }

    private static ChangedSymbol.Parameter parameter(String name, List<ChangedSymbol.Parameter> parameters) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    private static boolean isReference(ChangedSymbol.Parameter parameter) {
        return parameter != null && !JavaValues.PRIMITIVE_DEFAULTS.containsKey(parameter.type());
    }
}
