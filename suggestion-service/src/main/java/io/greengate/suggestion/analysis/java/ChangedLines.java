package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.Node;
import io.greengate.suggestion.diff.ChangedFile;

/** Whether the diff touched a declaration's lines. */
final class ChangedLines {

    private ChangedLines() {
    }

    static boolean touched(Node node, ChangedFile file) {
        return node.getRange().map(r -> file.touches(r.begin.line, r.end.line)).orElse(false);
    }
}
