package io.greengate.suggestion.engine.embedded;

import java.util.Map;

/** Neutral Java arguments for the parameters a guard does not look at. */
final class JavaValues {

    static final Map<String, String> PRIMITIVE_DEFAULTS = Map.of(
            "int", "0", "long", "0L", "short", "(short) 0", "byte", "(byte) 0", "double", "0.0", "float", "0.0f",
            "boolean", "false", "char", "'\\0'");

    private JavaValues() {
    }

    /**
     * A value that is there: text for String and CharSequence, the primitive's zero, else a typed null. For the
     * arguments beside the one a documented guard is about, which the method may look at before it.
     */
    static String present(String type) {
        return switch (type) {
            case "String", "CharSequence" -> "\"Greengate\"";
            case "Integer" -> "Integer.valueOf(0)";
            case "Long" -> "Long.valueOf(0L)";
            case "Boolean" -> "Boolean.FALSE";
            default -> neutral(type);
        };
    }

    /** The primitive's zero, or a typed null (the cast keeps overloads unambiguous). */
    static String neutral(String type) {
        String primitive = PRIMITIVE_DEFAULTS.get(type);
        return primitive != null ? primitive : "(" + type + ") null";
    }
}
