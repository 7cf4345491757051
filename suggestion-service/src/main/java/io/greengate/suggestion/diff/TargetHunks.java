package io.greengate.suggestion.diff;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of CI's diff a suggestion targets, for the reviewer: the hunks of the target file that overlap the target
 * symbol's lines (all of the file's hunks when none does), as unified diff text, cut to {@value #MAX_LINES} lines.
 */
public final class TargetHunks {

    static final int MAX_LINES = 120;

    private final Map<String, List<ChangedFile.Hunk>> hunksByPath;

    private TargetHunks(Map<String, List<ChangedFile.Hunk>> hunksByPath) {
        this.hunksByPath = hunksByPath;
    }

    /** Indexes the hunks of the files {@link UnifiedDiffParser} read. */
    public static TargetHunks of(List<ChangedFile> files) {
        Map<String, List<ChangedFile.Hunk>> byPath = new HashMap<>();
        files.forEach(file -> byPath.put(file.path(), file.hunks()));
        return new TargetHunks(byPath);
    }

    /** The hunks of {@code path} around lines [from, to] of the new file, or null when the diff has none for it. */
    public String excerpt(String path, int from, int to) {
        List<ChangedFile.Hunk> hunks = hunksByPath.getOrDefault(path, List.of());
        if (hunks.isEmpty()) {
            return null;
        }
        List<ChangedFile.Hunk> overlapping = hunks.stream().filter(h -> h.newFrom() <= to && from <= h.newTo())
                .toList();
        StringBuilder text = new StringBuilder("--- a/").append(path).append("\n+++ b/").append(path).append('\n');
        (overlapping.isEmpty() ? hunks : overlapping).forEach(h -> text.append(h.text()));
        return cut(text.toString());
    }

    private static String cut(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length <= MAX_LINES) {
            return text;
        }
        return String.join("\n", Arrays.copyOf(lines, MAX_LINES))
                + "\n… " + (lines.length - MAX_LINES) + " more lines of this file's change\n";
    }
}
