package io.greengate.suggestion.analysis;

import io.greengate.suggestion.diff.ChangedFile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Changed public module functions and methods of public classes in a Python file. A deliberately small
 * line scanner: it only accepts definitions it fully understands (one-line signatures, simple parameters)
 * and ignores the rest, because no suggestion is better than a wrong one.
 */
public final class PythonSymbols {

    private static final Pattern CLASS = Pattern.compile("^class\\s+([A-Za-z_]\\w*)\\s*[(:]");
    private static final Pattern DEF = Pattern.compile("^(\\s*)(?:async\\s+)?def\\s+([A-Za-z_]\\w*)\\s*\\((.*)\\)\\s*(?:->\\s*[^:]+)?:\\s*(?:#.*)?$");
    private static final Pattern PARAMETER = Pattern.compile("^\\*{0,2}[A-Za-z_]\\w*$");

    private PythonSymbols() {
    }

    public static List<ChangedSymbol> changedIn(ChangedFile file, String source) {
        String[] lines = source.split("\n", -1);
        String module = file.path().replaceAll("\\.py$", "").replace('/', '.');
        List<ChangedSymbol> symbols = new ArrayList<>();
        String currentClass = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher classMatch = CLASS.matcher(line);
            if (classMatch.find()) {
                currentClass = classMatch.group(1);
                continue;
            }
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")
                    && !line.startsWith("@") && !line.startsWith("def ") && !line.startsWith("async ")) {
                currentClass = null;
            }
            Matcher def = DEF.matcher(line);
            if (!def.matches()) {
                continue;
            }
            int indent = def.group(1).length();
            String owner = indent == 0 ? null : currentClass;
            if (indent > 0 && (owner == null || indent != 4)) {
                continue; // nested functions and odd indentation are out of reach
            }
            if (indent == 0) {
                currentClass = null;
            }
            String name = def.group(2);
            List<String> parameters = parameterNames(def.group(3));
            if (name.startsWith("_") || (owner != null && owner.startsWith("_")) || parameters == null
                    || (owner != null && (parameters.isEmpty() || !parameters.get(0).equals("self")))) {
                continue;
            }
            int end = endOfBlock(lines, i, indent);
            if (file.touches(i + 1, end)) {
                symbols.add(new ChangedSymbol(file.path(), "python", module, owner, name, parameters, List.of(),
                        null, i + 1, end, List.of()));
            }
        }
        return symbols;
    }

    private static List<String> parameterNames(String list) {
        if (list.isBlank()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String raw : list.split(",")) {
            String name = raw.split("[:=]", 2)[0].strip();
            if (name.isEmpty() || name.equals("/") || name.equals("*")) {
                return null; // positional-only / keyword-only markers: leave to a real parser
            }
            if (!PARAMETER.matcher(name).matches()) {
                return null;
            }
            names.add(name.replace("*", ""));
        }
        return Arrays.asList(names.toArray(String[]::new));
    }

    private static int endOfBlock(String[] lines, int defLine, int indent) {
        int end = defLine + 1;
        for (int i = defLine + 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int lineIndent = line.length() - line.stripLeading().length();
            if (lineIndent <= indent) {
                break;
            }
            end = i + 1;
        }
        return end;
    }
}
