package io.greengate.suggestion.analysis.java;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one maker of Java argument values. Ordinary arguments for a call whose outcome CI observes: a short mixed text,
 * small positive numbers, a few bytes, in-memory streams and sinks; types that reach outside the process (files,
 * paths, sockets, URLs) get none, and a case needing one is not written. Neutral and present values for the arguments
 * a guard does not look at.
 */
public final class JavaValues {

    public static final Map<String, String> PRIMITIVE_DEFAULTS = Map.of(
            "int", "0", "long", "0L", "short", "(short) 0", "byte", "(byte) 0", "double", "0.0", "float", "0.0f",
            "boolean", "false", "char", "'\\0'");

    private static final String TEXT = "\"Hello, World 42\"";
    private static final String BYTES = "new byte[] {72, 101, 108, 108, 111, 0, -1}";

    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("String", TEXT), Map.entry("CharSequence", TEXT), Map.entry("Object", TEXT),
            Map.entry("int", "3"), Map.entry("Integer", "3"), Map.entry("long", "3L"), Map.entry("Long", "3L"),
            Map.entry("short", "(short) 3"), Map.entry("Short", "(short) 3"), Map.entry("byte", "(byte) 3"),
            Map.entry("Byte", "(byte) 3"), Map.entry("double", "1.5"), Map.entry("Double", "1.5"),
            Map.entry("float", "1.5f"), Map.entry("Float", "1.5f"), Map.entry("boolean", "true"),
            Map.entry("Boolean", "true"), Map.entry("char", "'a'"), Map.entry("Character", "'a'"),
            Map.entry("byte[]", BYTES), Map.entry("char[]", "\"Hello\".toCharArray()"),
            Map.entry("int[]", "new int[] {3, 1, 2}"), Map.entry("long[]", "new long[] {3L, 1L, 2L}"),
            Map.entry("String[]", "new String[] {\"Hello\", \"World\"}"),
            Map.entry("CharSequence[]", "new CharSequence[] {\"Hello\", \"World\"}"),
            Map.entry("Object[]", "new Object[] {\"Hello\", 42}"),
            Map.entry("InputStream", "new java.io.ByteArrayInputStream(" + BYTES + ")"),
            Map.entry("Reader", "new java.io.StringReader(" + TEXT + ")"),
            Map.entry("Locale", "java.util.Locale.ENGLISH"),
            Map.entry("Charset", "java.nio.charset.StandardCharsets.UTF_8"),
            Map.entry("MessageDigest", "java.security.MessageDigest.getInstance(\"SHA-1\")"),
            Map.entry("TimeUnit", "java.util.concurrent.TimeUnit.SECONDS"),
            Map.entry("Duration", "java.time.Duration.ofSeconds(3)"),
            Map.entry("Pattern", "java.util.regex.Pattern.compile(\"l+\")"),
            Map.entry("Class", "String.class"),
            Map.entry("boolean[]", "new boolean[] {true, false}"), Map.entry("short[]", "new short[] {3, 1, 2}"),
            Map.entry("double[]", "new double[] {1.5, -2.0}"), Map.entry("float[]", "new float[] {1.5f, -2.0f}"),
            // seeded: what a method does with randomness comes out the same on every run
            Map.entry("Random", "new java.util.Random(42)"),
            // one element each: a many-element Set.of or Map.of iterates in an order that changes from run to run
            Map.entry("List", "java.util.List.of(\"Hello\", \"World\")"),
            Map.entry("Collection", "java.util.List.of(\"Hello\", \"World\")"),
            Map.entry("Iterable", "java.util.List.of(\"Hello\", \"World\")"),
            Map.entry("Set", "java.util.Set.of(\"Hello\")"),
            Map.entry("Map", "java.util.Map.of(\"Hello\", \"World\")"));

    /** Where the call writes what it produces: declared before it, read after it. */
    private static final Map<String, String> SINKS = Map.of(
            "Appendable", "new StringBuilder()", "StringBuilder", "new StringBuilder()",
            "StringBuffer", "new StringBuffer()", "Writer", "new java.io.StringWriter()",
            "StringWriter", "new java.io.StringWriter()", "OutputStream", "new java.io.ByteArrayOutputStream()",
            "ByteArrayOutputStream", "new java.io.ByteArrayOutputStream()");

    /** Types whose sink is read as bytes rather than as text. */
    private static final Set<String> BYTE_SINKS = Set.of("OutputStream", "ByteArrayOutputStream");

    private JavaValues() {
    }

    /**
     * A value that is there: text for String and CharSequence, the primitive's zero, else a typed null. For the
     * arguments beside the one a documented guard is about, which the method may look at before it.
     */
    public static String present(String type) {
        return switch (type) {
            case "String", "CharSequence" -> "\"Greengate\"";
            case "Integer" -> "Integer.valueOf(0)";
            case "Long" -> "Long.valueOf(0L)";
            case "Boolean" -> "Boolean.FALSE";
            default -> neutral(type);
        };
    }

    /** The primitive's zero, or a typed null (the cast keeps overloads unambiguous). */
    public static String neutral(String type) {
        String primitive = PRIMITIVE_DEFAULTS.get(type);
        return primitive != null ? primitive : "(" + type + ") null";
    }

    /**
     * An ordinary value of the type, or what the source file offers for it ({@code known}: its enums, its class);
     * empty when there is none. A parameter declared generic ({@code declared}: {@code List<Long>}) gets a value only
     * when its type arguments take text ({@code List<String>}, {@code Map<String, ?>}, {@code Class<?>}).
     */
    public static Optional<String> of(String type, String declared, Map<String, String> known) {
        if (known.containsKey(type)) {
            return Optional.of(known.get(type));
        }
        int generic = declared == null ? -1 : declared.indexOf('<');
        if (generic >= 0 && !TEXT_ARGUMENTS.matcher(declared.substring(generic)).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(VALUES.get(plain(type)));
    }

    /** Type arguments that a text value (or a class, for {@code Class<?>}) satisfies. */
    private static final java.util.regex.Pattern TEXT_ARGUMENTS = java.util.regex.Pattern.compile(
            "<\\s*(?:\\?|String|CharSequence|Object|\\? extends (?:String|CharSequence))"
                    + "(?:\\s*,\\s*(?:\\?|String|CharSequence|Object|\\? extends (?:String|CharSequence)))?\\s*>(?:\\[])*");

    /** A new sink of the type (a StringBuilder for an Appendable, ...), or empty when the type is none. */
    public static Optional<String> sink(String type) {
        return Optional.ofNullable(SINKS.get(plain(type)));
    }

    /** How a test reads a sink of the type after the call, given the variable holding it. */
    public static String contentsOf(String type, String variable) {
        return BYTE_SINKS.contains(plain(type))
                ? "java.util.Arrays.toString(((java.io.ByteArrayOutputStream) " + variable + ").toByteArray())"
                : variable + ".toString()";
    }

    /** java.util.List and List are one type here: signatures name types either way. */
    private static String plain(String type) {
        int generic = type.indexOf('<');
        String erased = generic < 0 ? type : type.substring(0, generic);
        for (String prefix : new String[] {"java.lang.", "java.util.", "java.io.", "java.nio.charset."}) {
            if (erased.startsWith(prefix) && erased.indexOf('.', prefix.length()) < 0) {
                return erased.substring(prefix.length());
            }
        }
        return erased;
    }
}
