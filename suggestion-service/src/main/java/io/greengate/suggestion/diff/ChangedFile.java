package io.greengate.suggestion.diff;

import java.util.List;

/**
 * One file of a unified diff: where it is now, how it changed, which of its new lines changed, and its hunks as
 * the diff has them.
 */
public record ChangedFile(String path, String oldPath, Change change, boolean binary, List<LineRange> changedLines,
                          String addedContent, List<Hunk> hunks) {

    public enum Change { ADDED, MODIFIED, DELETED, RENAMED, COPIED }

    /** A hunk's text (from its {@code @@} header) and the lines [newFrom, newTo] of the new file it spans. */
    public record Hunk(int newFrom, int newTo, String text) {
    }

    public boolean touches(int fromLine, int toLine) {
        return changedLines.stream().anyMatch(r -> r.overlaps(fromLine, toLine));
    }
}
