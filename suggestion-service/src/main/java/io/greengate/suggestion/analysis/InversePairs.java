package io.greengate.suggestion.analysis;

import java.util.List;

/**
 * Names that say one function undoes another: a verb pair followed by the same rest of the name ({@code encodeHex}
 * / {@code decodeHex}, {@code to_json} / {@code from_json}). Java and Python alike.
 */
public final class InversePairs {

    private static final List<List<String>> VERBS = List.of(List.of("encode", "decode"),
            List.of("escape", "unescape"), List.of("compress", "decompress"), List.of("compress", "uncompress"),
            List.of("serialize", "deserialize"), List.of("quote", "unquote"), List.of("to", "from"),
            List.of("format", "parse"), List.of("encrypt", "decrypt"), List.of("wrap", "unwrap"),
            List.of("dumps", "loads"), List.of("dump", "load"));

    private InversePairs() {
    }

    /** TRUE when {@code name} encodes what {@code other} decodes, FALSE the other way round, null when unpaired. */
    public static Boolean forward(String name, String other) {
        for (List<String> verbs : VERBS) {
            String doing = verbs.get(0);
            String undoing = verbs.get(1);
            String rest = restAfter(name, doing);
            if (rest != null && rest.equals(restAfter(other, undoing))) {
                return Boolean.TRUE;
            }
            rest = restAfter(name, undoing);
            if (rest != null && rest.equals(restAfter(other, doing))) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    /**
     * What follows the verb (empty for the verb alone), or null when the name does not start with it as a word:
     * followed by an upper-case letter (camelCase) or an underscore (snake_case).
     */
    private static String restAfter(String name, String verb) {
        if (!name.startsWith(verb)) {
            return null;
        }
        String rest = name.substring(verb.length());
        if (rest.startsWith("_")) {
            rest = rest.substring(1);
            return rest.isEmpty() ? null : Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
        }
        return rest.isEmpty() || Character.isUpperCase(rest.charAt(0)) ? rest : null;
    }
}
