package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.analysis.ChangedSymbol;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One argument of an observed call replaced by a constant the change brings (or the integer just past it): the
 * inputs a change's own boundaries and sentinels give, which ordinary values rarely hit.
 *
 * @param index   which parameter
 * @param literal the argument as Java
 * @param why     where the value comes from, for the rationale
 */
record ArgumentVariant(int index, String literal, String why) {

    private static final Pattern INTEGER = Pattern.compile("-?\\d+[lL]?");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?[dDfF]?");
    private static final Pattern CHAR = Pattern.compile("'(?:[^'\\\\]|\\\\.)'");
    /** Integral types: their range, and how a literal of them is written. */
    private static final Map<String, Long[]> RANGES = Map.of(
            "int", new Long[] {(long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE},
            "Integer", new Long[] {(long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE},
            "long", new Long[] {Long.MIN_VALUE, Long.MAX_VALUE}, "Long", new Long[] {Long.MIN_VALUE, Long.MAX_VALUE},
            "short", new Long[] {(long) Short.MIN_VALUE, (long) Short.MAX_VALUE},
            "byte", new Long[] {(long) Byte.MIN_VALUE, (long) Byte.MAX_VALUE});

    /** Up to {@code max} variants: each constant of the change once, then the integers just past them. */
    static List<ArgumentVariant> of(ChangedSymbol symbol, List<String> ordinary, int max) {
        List<ArgumentVariant> variants = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<ArgumentVariant> pastThem = new ArrayList<>();
        for (String constant : symbol.changeConstants()) {
            for (int i = 0; i < symbol.parameters().size(); i++) {
                ChangedSymbol.Parameter p = symbol.parameters().get(i);
                String literal = fit(p.type(), constant);
                if (literal == null || literal.equals(ordinary.get(i)) || !seen.add(i + ":" + literal)) {
                    continue;
                }
                variants.add(new ArgumentVariant(i, literal, "with " + p.name() + " = " + literal
                        + ", a constant the change brings"));
                String next = INTEGER.matcher(constant).matches() ? fit(p.type(),
                        new BigInteger(constant.replaceAll("[lL]$", "")).add(BigInteger.ONE).toString()) : null;
                if (next != null && seen.add(i + ":" + next)) {
                    pastThem.add(new ArgumentVariant(i, next, "with " + p.name() + " = " + next
                            + ", just past " + literal + ", a constant the change brings"));
                }
                break;
            }
        }
        variants.addAll(pastThem);
        return variants.stream().limit(max).toList();
    }

    /** The constant as an argument of the type, or null when it is no value of it. */
    static String fit(String type, String constant) {
        Long[] range = RANGES.get(type);
        if (range != null) {
            if (!INTEGER.matcher(constant).matches()) {
                return null;
            }
            BigInteger value = new BigInteger(constant.replaceAll("[lL]$", ""));
            if (value.compareTo(BigInteger.valueOf(range[0])) < 0 || value.compareTo(BigInteger.valueOf(range[1])) > 0) {
                return null;
            }
            return switch (type) {
                case "long", "Long" -> value + "L";
                case "short" -> "(short) " + value;
                case "byte" -> "(byte) " + value;
                default -> value.toString();
            };
        }
        return switch (type) {
            case "double", "Double" -> DECIMAL.matcher(constant).matches() ? constant.replaceAll("[dDfF]$", "") + "d"
                    : null;
            case "float", "Float" -> DECIMAL.matcher(constant).matches() ? constant.replaceAll("[dDfF]$", "") + "f"
                    : null;
            case "String", "CharSequence", "Object" -> constant.startsWith("\"") ? constant : null;
            case "char", "Character" -> CHAR.matcher(constant).matches() ? constant : null;
            default -> null;
        };
    }
}
