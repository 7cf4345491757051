package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.CompilationUnit;
import io.greengate.suggestion.analysis.ChangedSymbol;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InheritanceTest {

    private static final String BASE_PATH = "src/main/java/p/Base.java";
    private static final String BASE = """
            package p;

            public abstract class Base {
                public String encode(String s) {
                    return doEncode(s);
                }

                public String name() {
                    return "base";
                }

                protected abstract String doEncode(String s);
            }
            """;
    private static final String IMPL_PATH = "src/main/java/p/Impl.java";
    private static final String IMPL = """
            package p;

            public class Impl extends Base {
                @Override
                protected String doEncode(String s) {
                    return s + "!";
                }
            }
            """;

    private static List<ChangedSymbol> inherited(String impl, Map<String, String> files) {
        JavaSources context = new JavaSources(files);
        CompilationUnit unit = context.of(IMPL_PATH, impl).orElseThrow();
        return Inheritance.inheritedEntries(JavaSnippets.type(unit, "Impl"), unit,
                JavaSnippets.changed(IMPL_PATH, 6, 6), "p", List.of(), context);
    }

    @Test
    void aSuperclassInAContextFileLendsThePublicMethodThatRunsTheChangedOverride() {
        List<ChangedSymbol> symbols = inherited(IMPL, Map.of(BASE_PATH, BASE, IMPL_PATH, IMPL));
        assertEquals(List.of("Impl.encode"), symbols.stream().map(ChangedSymbol::qualifiedName).toList());
        ChangedSymbol encode = symbols.get(0);
        assertEquals("Impl's override of doEncode", encode.reachedFrom());
        assertEquals(ChangedSymbol.Receiver.INSTANCE, encode.receiver());
        assertEquals(List.of("String"), encode.parameters().stream().map(ChangedSymbol.Parameter::type).toList());
        assertEquals("String", encode.returnType());
        assertEquals(List.of(), encode.guards(), "the superclass's guards stay with it");
    }

    @Test
    void withoutTheSuperclassSourceNothingIsInherited() {
        assertEquals(List.of(), inherited(IMPL, Map.of(IMPL_PATH, IMPL)));
    }

    @Test
    void anOverrideInTheClassHidesTheInheritedMethod() {
        String overriding = IMPL.replace("}\n}", "}\n\n    public String encode(String s) {\n        return s;\n    }\n}");
        assertEquals(List.of(), inherited(overriding, Map.of(BASE_PATH, BASE, IMPL_PATH, overriding)));
    }
}
