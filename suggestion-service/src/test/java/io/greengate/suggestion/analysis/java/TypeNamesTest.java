package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import io.greengate.suggestion.analysis.ChangedSymbol;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeNamesTest {

    private static final String SOURCE = """
            package codec;

            import java.util.List;

            public class Base58 {
                public static Builder builder(Builder.Part part, List<String> names, int[] sizes, String... rest) {
                    return new Builder();
                }

                public static class Builder {
                    public static class Part {
                    }
                }

                class Inner {
                }

                private static class Hidden {
                    enum Mode { ON }
                }
            }
            """;

    @Test
    void aNestedTypeIsNamedThroughTheTopLevelClass() {
        CompilationUnit unit = JavaSnippets.parse(SOURCE);
        ClassOrInterfaceDeclaration base58 = JavaSnippets.type(unit, "Base58");
        Map<String, String> nested = TypeNames.nestedTypes(base58);
        assertEquals("Base58.Builder", nested.get("Builder"));
        assertEquals("Base58.Builder.Part", nested.get("Part"));
        MethodDeclaration builder = JavaSnippets.method(unit, "builder");
        assertEquals("Base58.Builder", TypeNames.erased(builder.getType(), nested));
        assertEquals(List.of("Base58.Builder.Part", "List", "int[]", "String[]"),
                builder.getParameters().stream().map(p -> TypeNames.parameter(p, nested).type()).toList());
    }

    @Test
    void aParameterKeepsItsDeclaredTypeAndVarargs() {
        CompilationUnit unit = JavaSnippets.parse(SOURCE);
        MethodDeclaration builder = JavaSnippets.method(unit, "builder");
        Map<String, String> nested = TypeNames.nestedTypes(JavaSnippets.type(unit, "Base58"));
        assertEquals(new ChangedSymbol.Parameter("names", "List", null, false, "List<String>"),
                TypeNames.parameter(builder.getParameter(1), nested));
        assertEquals(new ChangedSymbol.Parameter("rest", "String[]", null, true, "String"),
                TypeNames.parameter(builder.getParameter(3), nested));
    }

    @Test
    void enclosingPathsVisibilityAndTheClassesATestCanUse() {
        CompilationUnit unit = JavaSnippets.parse(SOURCE);
        ClassOrInterfaceDeclaration base58 = JavaSnippets.type(unit, "Base58");
        assertNull(TypeNames.enclosingPath(base58));
        assertEquals("Base58.Builder", TypeNames.enclosingPath(JavaSnippets.type(unit, "Part")));
        assertTrue(TypeNames.visibleToPackage(JavaSnippets.type(unit, "Part")));
        assertFalse(TypeNames.visibleToPackage(JavaSnippets.type(unit, "Hidden")));
        assertFalse(TypeNames.visibleToPackage(JavaSnippets.anyType(unit, "Mode")), "inside a private class");
        assertEquals(List.of("Base58", "Base58.Builder", "Base58.Builder.Part"),
                List.copyOf(TypeNames.classesByPath(base58).keySet()),
                "the class first, then its visible static nested classes; no inner or private ones");
    }
}
