package io.greengate.review.patch;

import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the unified diff that adds the accepted tests at the reviewed commit, as {@code git apply} takes it.
 * A test that extends an existing file is diffed against that file's content at the commit; several cases
 * for one existing file are appended one after the other.
 */
public final class PatchBuilder {

    /** One accepted test: where it goes, its final code, and the file's content at the commit if it exists. */
    public record AcceptedTest(String testPath, String finalCode, String testFileBase) {
    }

    private PatchBuilder() {
    }

    public static String build(List<AcceptedTest> tests) {
        Map<String, String[]> files = new LinkedHashMap<>(); // path → {base, content}
        for (AcceptedTest test : tests) {
            String[] file = files.get(test.testPath());
            if (file == null) {
                files.put(test.testPath(), new String[]{test.testFileBase(), test.finalCode()});
            } else if (test.testFileBase() != null && test.finalCode().startsWith(test.testFileBase())) {
                file[1] = file[1] + test.finalCode().substring(test.testFileBase().length());
            } else if ("py".equals(extension(test.testPath()))) {
                file[1] = file[1] + "\n\n" + test.finalCode();
            } else {
                file[1] = test.finalCode(); // a whole-file rewrite of the same path: the later decision wins
            }
        }
        StringBuilder patch = new StringBuilder();
        files.forEach((path, file) -> patch.append(fileDiff(path, file[0], file[1])));
        return patch.toString();
    }

    private static String fileDiff(String path, String base, String content) {
        String after = content.endsWith("\n") ? content : content + "\n";
        RawText a = base == null ? RawText.EMPTY_TEXT : new RawText(base.getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText(after.getBytes(StandardCharsets.UTF_8));
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(RawTextComparator.DEFAULT, a, b);
        if (edits.isEmpty()) {
            return "";
        }
        StringBuilder header = new StringBuilder("diff --git a/" + path + " b/" + path + "\n");
        if (base == null) {
            header.append("new file mode 100644\n--- /dev/null\n");
        } else {
            header.append("--- a/").append(path).append('\n');
        }
        header.append("+++ b/").append(path).append('\n');
        ByteArrayOutputStream hunks = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(hunks)) {
            formatter.format(edits, a, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return header + hunks.toString(StandardCharsets.UTF_8);
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1);
    }
}
