package io.greengate.suggestion.analysis.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Java files of one request, each parsed at most once: a superclass several changed classes extend, or a changed
 * file that is also another's superclass, is read from the same tree. Trees are only read, never changed.
 */
public final class JavaSources {

    private final Map<String, String> contents;
    private final Map<String, Optional<CompilationUnit>> parsed = new HashMap<>();

    public JavaSources(Map<String, String> contents) {
        this.contents = contents;
    }

    /** The file CI sent at this path, parsed; empty when it was not sent or does not parse. */
    Optional<CompilationUnit> at(String path) {
        String source = contents.get(path);
        return source == null ? Optional.empty() : of(path, source);
    }

    /** This source of the file at this path, parsed (once per path). */
    Optional<CompilationUnit> of(String path, String source) {
        return parsed.computeIfAbsent(path, p -> parse(source));
    }

    private static Optional<CompilationUnit> parse(String source) {
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        ParseResult<CompilationUnit> result = parser.parse(source);
        return result.isSuccessful() ? result.getResult() : Optional.empty();
    }
}
