package io.greengate.suggestion.engine.embedded.render;

import io.greengate.suggestion.analysis.ChangedSymbol;

import java.util.List;

/**
 * One pytest function, before it is placed in a file.
 *
 * @param kind       the case kind's name
 * @param confidence the engine's prior confidence in it
 * @param body       the function's statements after the module is imported as {@code module}, unindented
 * @param usesPytest whether the body needs {@code import pytest} (pytest.raises)
 * @param usesCapsys whether the function takes pytest's {@code capsys} fixture
 * @param fileTag    what tells the file of this case apart from another case of the same kind and symbol in a new
 *                   file ({@code with_1000}), or null
 */
public record PytestCase(ChangedSymbol symbol, String kind, double confidence, String functionName, List<String> body,
                         boolean usesPytest, String rationale, boolean usesCapsys, String fileTag) {

    public PytestCase(ChangedSymbol symbol, String kind, double confidence, String functionName, List<String> body,
                      boolean usesPytest, String rationale, boolean usesCapsys) {
        this(symbol, kind, confidence, functionName, body, usesPytest, rationale, usesCapsys, null);
    }
}
