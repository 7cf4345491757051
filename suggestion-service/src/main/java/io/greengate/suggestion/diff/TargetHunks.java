package io.greengate.suggestion.diff;

import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.HunkHeader;
import org.eclipse.jgit.patch.Patch;
import org.eclipse.jgit.util.RawParseUtils;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of CI's diff a suggestion targets, for the reviewer: the hunks of the target file that overlap the target
 * symbol's lines (all of the file's hunks when none does), as unified diff text, cut to {@value #MAX_LINES} lines.
 */
public final class TargetHunks {

    static final int MAX_LINES = 120;

    private record Hunk(int newFrom, int newTo, String text) {
    }

    private final Map<String, List<Hunk>> hunksByPath;

    private TargetHunks(Map<String, List<Hunk>> hunksByPath) {
        this.hunksByPath = hunksByPath;
    }

    /** Indexes a diff that {@link UnifiedDiffParser} already accepted. */
    public static TargetHunks of(String diff) {
        Patch patch = new Patch();
        try {
            patch.parse(new ByteArrayInputStream(diff.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return new TargetHunks(Map.of());
        }
        Map<String, List<Hunk>> byPath = new HashMap<>();
        for (FileHeader header : patch.getFiles()) {
            List<Hunk> hunks = new ArrayList<>();
            for (HunkHeader hunk : header.getHunks()) {
                String text = RawParseUtils.decode(hunk.getBuffer(), hunk.getStartOffset(), hunk.getEndOffset());
                int from = hunk.getNewStartLine();
                hunks.add(new Hunk(from, from + Math.max(0, hunk.getNewLineCount() - 1), text));
            }
            byPath.put(header.getNewPath(), hunks);
        }
        return new TargetHunks(byPath);
    }

    /** The hunks of {@code path} around lines [from, to] of the new file, or null when the diff has none for it. */
    public String excerpt(String path, int from, int to) {
        List<Hunk> hunks = hunksByPath.getOrDefault(path, List.of());
        if (hunks.isEmpty()) {
            return null;
        }
        List<Hunk> overlapping = hunks.stream().filter(h -> h.newFrom() <= to && from <= h.newTo()).toList();
        StringBuilder text = new StringBuilder("--- a/").append(path).append("\n+++ b/").append(path).append('\n');
        (overlapping.isEmpty() ? hunks : overlapping).forEach(h -> text.append(h.text()));
        return cut(text.toString());
    }

    private static String cut(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length <= MAX_LINES) {
            return text;
        }
        return String.join("\n", java.util.Arrays.copyOf(lines, MAX_LINES))
                + "\n… " + (lines.length - MAX_LINES) + " more lines of this file's change\n";
    }
}
