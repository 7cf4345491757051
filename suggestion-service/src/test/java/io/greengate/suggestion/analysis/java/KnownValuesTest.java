package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.CompilationUnit;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KnownValuesTest {

    private static final String FORMAT_PATH = "src/p/Format.java";
    private static final String FORMAT = """
            package p;

            public class Format {
                public static final Format DEFAULT = new Format(",");

                private Format(String delimiter) {
                }

                public String apply(String s) {
                    return s;
                }

                public enum Mode { FILE, DIR }

                public static class Builder {
                    private Builder(int size) {
                    }

                    public static Builder of(int size) {
                        return new Builder(size);
                    }
                }
            }
            """;
    private static final String PRINTER_PATH = "src/p/Printer.java";
    private static final String PRINTER = """
            package p;

            public class Printer {
                public Printer(Appendable out, Format format) {
                }

                public void print(String s) {
                }
            }
            """;

    private static Map<String, String> known(String path, String typeName) {
        JavaSources context = new JavaSources(Map.of(FORMAT_PATH, FORMAT, PRINTER_PATH, PRINTER));
        CompilationUnit unit = context.at(path).orElseThrow();
        return KnownValues.knownValues(unit, JavaSnippets.type(unit, typeName), path, context);
    }

    @Test
    void aSharedInstanceAFactoryAndAnEnumConstant() {
        assertEquals(Map.of("Format", "Format.DEFAULT", "Format.Builder", "Format.Builder.of(3)",
                "Format.Mode", "Format.Mode.FILE"), known(FORMAT_PATH, "Format"));
    }

    @Test
    void aPackageTypeTheConstructorTakesIsReadFromTheFileCiSent() {
        assertEquals(Map.of("Format", "Format.DEFAULT", "Printer", "new Printer(new StringBuilder(), Format.DEFAULT)"),
                known(PRINTER_PATH, "Printer"));
    }
}
