package io.greengate.suggestion.engine.llm;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.PackageDeclaration;
import io.greengate.suggestion.analysis.ChangedSymbol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a test reaches the changed code: the dotted name Python imports a module by, and the Java package a test
 * must share. The same rule tells the model how to import and checks what it wrote.
 */
final class ModuleImports {

    /**
     * @param name the dotted name a normal import reaches the module by ({@code pkg.calc} for src/pkg/calc.py when
     *             src/pkg/__init__.py exists)
     * @param root the directory that must be on sys.path for that name ("" for the repository's root)
     */
    record PythonModule(String name, String root) {
    }

    private static final Pattern IMPORT = Pattern.compile("(?m)^[ \\t]*import[ \\t]+([\\w. \\t,]+)");
    private static final Pattern FROM = Pattern.compile(
            "(?m)^[ \\t]*from[ \\t]+([\\w.]+)[ \\t]+import[ \\t]+(\\([^)]*\\)|[^\\n#;]+)");

    private ModuleImports() {
    }

    /** Walks up from the file while the directory holds an __init__.py among the files CI sent. */
    static PythonModule python(String file, Set<String> paths) {
        String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
        String name = file.substring(file.lastIndexOf('/') + 1).replaceAll("\\.py$", "");
        if (name.equals("__init__") && !dir.isEmpty()) {
            name = dir.substring(dir.lastIndexOf('/') + 1);
            dir = parent(dir);
        }
        while (!dir.isEmpty() && paths.contains(dir + "/__init__.py")) {
            name = dir.substring(dir.lastIndexOf('/') + 1) + "." + name;
            dir = parent(dir);
        }
        return new PythonModule(name, dir);
    }

    /**
     * The names a test may import the module by: its package name and the longer suffixes of its path's dotted form
     * (pkg.calc and src.pkg.calc for src/pkg/calc.py in package pkg, never bare calc).
     */
    static Set<String> acceptedPythonNames(ChangedSymbol symbol, Set<String> paths) {
        String name = python(symbol.file(), paths).name();
        String full = symbol.module() == null ? name : symbol.module().replaceAll("\\.__init__$", "");
        Set<String> accepted = new LinkedHashSet<>(List.of(name));
        if (full.equals(name) || full.endsWith("." + name)) {
            String[] parts = full.split("\\.");
            int least = name.split("\\.").length;
            for (int k = parts.length; k > least; k--) {
                accepted.add(String.join(".", List.of(parts).subList(parts.length - k, parts.length)));
            }
        } else {
            accepted.add(full);
        }
        return accepted;
    }

    /** The name a Python test imports the changed module under when that is not one it has; else null. */
    static String wrongPythonImport(ChangedSymbol symbol, String code, Set<String> paths) {
        String name = python(symbol.file(), paths).name();
        String last = name.substring(name.lastIndexOf('.') + 1);
        Set<String> accepted = acceptedPythonNames(symbol, paths);
        Set<String> defined = definedNames(symbol);
        for (Imported imported : imports(code)) {
            boolean refers = imported.module().equals(last) || imported.module().endsWith("." + last);
            if (refers && !accepted.contains(imported.module()) && uses(imported, code, defined)) {
                return imported.module();
            }
        }
        return null;
    }

    /** Whether a Java test declares another package than the class under test's. */
    static boolean inAnotherPackage(ChangedSymbol symbol, String code) {
        var unit = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parse(code).getResult();
        String declared = unit.flatMap(u -> u.getPackageDeclaration()).map(PackageDeclaration::getNameAsString)
                .orElse("");
        return !declared.equals(symbol.module() == null ? "" : symbol.module());
    }

    /** One module an import statement binds: {@code names} are what a from-import takes from it. */
    private record Imported(String module, String binding, List<String> names) {
    }

    private static List<Imported> imports(String code) {
        List<Imported> found = new ArrayList<>();
        Matcher plain = IMPORT.matcher(code);
        while (plain.find()) {
            for (String part : plain.group(1).split(",")) {
                String[] words = part.strip().split("\\s+as\\s+");
                if (!words[0].isEmpty()) {
                    found.add(new Imported(words[0], words.length > 1 ? words[1] : words[0], List.of()));
                }
            }
        }
        Matcher from = FROM.matcher(code);
        while (from.find()) {
            String module = from.group(1);
            List<String> names = new ArrayList<>();
            for (String part : from.group(2).replaceAll("[()\\\\]", " ").split(",")) {
                String[] words = part.strip().split("\\s+as\\s+");
                if (words[0].isEmpty()) {
                    continue;
                }
                names.add(words[0]);
                found.add(new Imported(module + "." + words[0], words.length > 1 ? words[1] : words[0], List.of()));
            }
            found.add(new Imported(module, null, names));
        }
        return found;
    }

    /** Whether the import takes or uses a name the changed module defines (not a same-named other module). */
    private static boolean uses(Imported imported, String code, Set<String> defined) {
        if (imported.names().contains("*") || imported.names().stream().anyMatch(defined::contains)) {
            return true;
        }
        return imported.binding() != null && defined.stream().anyMatch(n -> Pattern.compile(
                "(?<![\\w.])" + Pattern.quote(imported.binding() + "." + n) + "\\b").matcher(code).find());
    }

    private static Set<String> definedNames(ChangedSymbol symbol) {
        Set<String> names = new LinkedHashSet<>();
        if (symbol.details() instanceof ChangedSymbol.PythonDetails details && details.moduleNames() != null) {
            names.addAll(details.moduleNames());
        }
        names.add(symbol.owner() == null ? symbol.name() : symbol.owner().replaceAll("\\..*$", ""));
        return names;
    }

    private static String parent(String dir) {
        return dir.contains("/") ? dir.substring(0, dir.lastIndexOf('/')) : "";
    }
}
