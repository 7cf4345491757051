package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import io.greengate.suggestion.diff.ChangedFile;
import io.greengate.suggestion.diff.LineRange;

import java.util.List;
import java.util.Map;

/** Small Java sources for the analysis tests, parsed the way the analysis parses them (through {@link JavaSources}). */
final class JavaSnippets {

    private JavaSnippets() {
    }

    static CompilationUnit parse(String source) {
        return new JavaSources(Map.of("Snippet.java", source)).at("Snippet.java").orElseThrow();
    }

    /** A modified file whose new lines from..to (1-based, inclusive) changed. */
    static ChangedFile changed(String path, int from, int to) {
        return new ChangedFile(path, path, ChangedFile.Change.MODIFIED, false, List.of(new LineRange(from, to)),
                null, List.of());
    }

    static ClassOrInterfaceDeclaration type(CompilationUnit unit, String name) {
        return unit.findFirst(ClassOrInterfaceDeclaration.class, t -> t.getNameAsString().equals(name)).orElseThrow();
    }

    static TypeDeclaration<?> anyType(CompilationUnit unit, String name) {
        return unit.findAll(TypeDeclaration.class).stream().filter(t -> t.getNameAsString().equals(name))
                .findFirst().orElseThrow();
    }

    static MethodDeclaration method(CompilationUnit unit, String name) {
        return unit.findFirst(MethodDeclaration.class, m -> m.getNameAsString().equals(name)).orElseThrow();
    }
}
