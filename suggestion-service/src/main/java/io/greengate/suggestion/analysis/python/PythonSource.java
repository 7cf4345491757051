package io.greengate.suggestion.analysis.python;

import org.treesitter.TSNode;

import java.nio.charset.StandardCharsets;

/** A Python file's bytes, for node text by byte offsets: tree-sitter counts UTF-8 bytes, not Java chars. */
record PythonSource(byte[] bytes) {

    String of(TSNode node) {
        return new String(bytes, node.getStartByte(), node.getEndByte() - node.getStartByte(),
                StandardCharsets.UTF_8);
    }
}
