package io.greengate.suggestion.analysis;

import io.greengate.suggestion.diff.ChangedFile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The constants a change brings: number and string literals on the diff's added lines of a symbol, prose of changed
 * comments and docstrings included ({@code 999999} from "999999 is 999.999 kB"). Boundaries and sentinels a test
 * should probe are usually among them.
 */
public final class ChangeConstants {

    public static final int MAX_CONSTANTS = 20;

    private static final Pattern STRING = Pattern.compile(
            "\"(?:[^\"\\\\\\n]|\\\\.){1,80}\"|(?<![A-Za-z0-9_])'(?:[^'\\\\\\n]|\\\\.){1,80}'(?![A-Za-z0-9_])");
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w])(?<!\\w\\.)(?:0[xX][0-9a-fA-F_]+|\\d[\\d_]*(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)[lLfFdDjJ]?(?!\\w)");

    private ChangeConstants() {
    }

    /** The distinct literals of these lines, in order of appearance; string literals keep their quotes. */
    public static List<String> mine(List<String> lines) {
        Set<String> found = new LinkedHashSet<>();
        for (String line : lines) {
            String text = line.replace("\"\"\"", " ").replace("'''", " ");
            Matcher strings = STRING.matcher(text);
            while (strings.find()) {
                String literal = strings.group();
                if (literal.length() > 2 && !literal.contains("[REDACTED")) {
                    found.add(literal);
                }
            }
            Matcher numbers = NUMBER.matcher(strings.replaceAll(" "));
            while (numbers.find()) {
                found.add(numbers.group());
            }
        }
        return found.stream().limit(MAX_CONSTANTS).toList();
    }

    /** The text of the lines the hunks add within lines [from, to] of the new file. */
    public static List<String> addedLines(List<ChangedFile.Hunk> hunks, int from, int to) {
        List<String> added = new ArrayList<>();
        for (ChangedFile.Hunk hunk : hunks) {
            String[] lines = hunk.text().split("\n", -1);
            int newLine = hunk.newFrom();
            for (int i = 1; i < lines.length; i++) { // line 0 is the @@ header
                String line = lines[i];
                if (line.startsWith("+")) {
                    if (newLine >= from && newLine <= to) {
                        added.add(line.substring(1));
                    }
                    newLine++;
                } else if (line.startsWith(" ") || line.isEmpty() && i < lines.length - 1) {
                    newLine++; // a context line (some tools strip a blank one's leading space)
                }
            }
        }
        return added;
    }
}
