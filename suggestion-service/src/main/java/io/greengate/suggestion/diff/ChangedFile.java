package io.greengate.suggestion.diff;

import java.util.List;

/** One file of a unified diff: where it is now, how it changed, and which of its new lines changed. */
public record ChangedFile(String path, String oldPath, Change change, boolean binary, List<LineRange> changedLines,
                          String addedContent) {

    public enum Change { ADDED, MODIFIED, DELETED, RENAMED, COPIED }

    public boolean touches(int fromLine, int toLine) {
        return changedLines.stream().anyMatch(r -> r.overlaps(fromLine, toLine));
    }
}
