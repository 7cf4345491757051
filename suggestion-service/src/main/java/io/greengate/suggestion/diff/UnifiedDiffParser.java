package io.greengate.suggestion.diff;

import io.greengate.platform.problem.ProblemException;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.HunkHeader;
import org.eclipse.jgit.patch.Patch;
import org.eclipse.jgit.util.RawParseUtils;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a unified git diff (JGit's patch parser) into changed files and their changed line ranges. */
public final class UnifiedDiffParser {

    private UnifiedDiffParser() {
    }

    public static List<ChangedFile> parse(String diff) {
        Patch patch = new Patch();
        try {
            patch.parse(new ByteArrayInputStream(diff.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw ProblemException.invalid("diff", "could not be read: " + e.getMessage());
        }
        if (patch.getFiles().isEmpty()) {
            throw ProblemException.invalid("diff", "is not a unified diff: no file header (diff --git / --- +++) found");
        }
        List<ChangedFile> files = new ArrayList<>();
        for (FileHeader header : patch.getFiles()) {
            files.add(toChangedFile(header));
        }
        return files;
    }

    private static ChangedFile toChangedFile(FileHeader header) {
        ChangedFile.Change change = switch (header.getChangeType()) {
            case ADD -> ChangedFile.Change.ADDED;
            case DELETE -> ChangedFile.Change.DELETED;
            case RENAME -> ChangedFile.Change.RENAMED;
            case COPY -> ChangedFile.Change.COPIED;
            case MODIFY -> ChangedFile.Change.MODIFIED;
        };
        boolean binary = header.getPatchType() != FileHeader.PatchType.UNIFIED;
        String path = change == ChangedFile.Change.DELETED ? header.getOldPath() : header.getNewPath();
        List<LineRange> ranges = new ArrayList<>();
        List<ChangedFile.Hunk> hunks = new ArrayList<>();
        StringBuilder added = new StringBuilder();
        for (HunkHeader hunk : header.getHunks()) {
            String body = RawParseUtils.decode(hunk.getBuffer(), hunk.getStartOffset(), hunk.getEndOffset());
            int from = hunk.getNewStartLine();
            hunks.add(new ChangedFile.Hunk(from, from + Math.max(0, hunk.getNewLineCount() - 1), body));
            collectAddedLines(hunk, body, ranges, added);
        }
        String addedContent = change == ChangedFile.Change.ADDED && !binary ? added.toString() : null;
        return new ChangedFile(path, header.getOldPath(), change, binary, List.copyOf(ranges), addedContent,
                List.copyOf(hunks));
    }

    private static void collectAddedLines(HunkHeader hunk, String body, List<LineRange> ranges, StringBuilder added) {
        String[] lines = body.split("\n", -1);
        int newLine = hunk.getNewStartLine();
        int rangeStart = -1;
        for (int i = 1; i < lines.length; i++) { // line 0 is the @@ header
            String line = lines[i];
            if (line.startsWith("+")) {
                if (rangeStart < 0) {
                    rangeStart = newLine;
                }
                added.append(line, 1, line.length()).append('\n');
                newLine++;
                continue;
            }
            if (rangeStart >= 0) {
                ranges.add(new LineRange(rangeStart, newLine - 1));
                rangeStart = -1;
            }
            if (line.startsWith(" ")) {
                newLine++;
            } else if (line.startsWith("-") && hunk.getNewLineCount() > 0) {
                // a removed line marks the line now in its place, so edits that only delete still count
                ranges.add(new LineRange(Math.max(newLine, 1), Math.max(newLine, 1)));
            }
        }
        if (rangeStart >= 0) {
            ranges.add(new LineRange(rangeStart, newLine - 1));
        }
    }
}
