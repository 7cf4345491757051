package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CallGraphTest {

    private static final String PATH = "Parser.java";
    private static final String SOURCE = """
            public class Parser {
                public String parse(String s) {
                    return clean(s);
                }

                public int size() {
                    return 1;
                }

                private String clean(String s) {
                    return trim(s);
                }

                private String trim(String s) {
                    return s.strip();
                }

                public void write(int b) {
                    Buffer buffer = new Buffer();
                    buffer.put(b);
                }

                static class Buffer {
                    Buffer() {
                        int unused = 0;
                    }

                    void put(int b) {
                        int x = b;
                    }
                }
            }
            """;

    private static Map<String, String> reached(int changedLine) {
        CompilationUnit unit = JavaSnippets.parse(SOURCE);
        return CallGraph.reachedThroughChangedHelpers(JavaSnippets.type(unit, "Parser"),
                JavaSnippets.changed(PATH, changedLine, changedLine));
    }

    @Test
    void aPublicMethodReachesAChangedPrivateHelperThroughAnother() {
        assertEquals(Map.of("parse", "trim"), reached(15));
    }

    @Test
    void aCallOnAVariableOfANestedTypeReachesItsChangedMethod() {
        assertEquals(Map.of("write", "Buffer.put"), reached(29));
    }

    @Test
    void creatingANestedTypeReachesItsChangedConstructor() {
        assertEquals(Map.of("write", "the constructor of Buffer"), reached(25));
    }

    @Test
    void nothingIsReachedWhenOnlyAPublicMethodChanged() {
        assertEquals(Map.of(), reached(7));
    }

    @Test
    void callsFromAMethodNameNestedTypeMembersThroughTheirType() {
        CompilationUnit unit = JavaSnippets.parse(SOURCE);
        ClassOrInterfaceDeclaration parser = JavaSnippets.type(unit, "Parser");
        Map<String, TypeDeclaration<?>> nested = Map.of("Buffer", JavaSnippets.type(unit, "Buffer"));
        assertEquals(Set.of("Buffer.<init>", "Buffer.put"),
                CallGraph.callsFrom(JavaSnippets.method(unit, "write"), parser, parser, nested));
        assertEquals(Set.of("clean"), CallGraph.callsFrom(JavaSnippets.method(unit, "parse"), parser, parser, nested));
    }
}
