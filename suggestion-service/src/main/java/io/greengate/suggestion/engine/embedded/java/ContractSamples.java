package io.greengate.suggestion.engine.embedded.java;

import java.util.Map;

/** A value of each type a round trip, an equality or a record can start from, chosen to exercise escaping and signs. */
final class ContractSamples {

    static final Map<String, String> BY_TYPE = Map.of(
            "String", "\"Greengate 42: <a href=\\\"x\\\">tests & more</a>\"",
            "CharSequence", "\"Greengate 42: <a href=\\\"x\\\">tests & more</a>\"",
            "byte[]", "new byte[] {0, 1, 2, 42, 127, -128, -1}",
            "char[]", "\"Greengate 42\".toCharArray()",
            "int", "42",
            "long", "42L",
            "boolean", "true",
            "double", "4.2");

    private ContractSamples() {
    }
}
