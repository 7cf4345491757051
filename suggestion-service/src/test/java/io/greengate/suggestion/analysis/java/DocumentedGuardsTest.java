package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.body.MethodDeclaration;
import io.greengate.suggestion.analysis.ChangedSymbol;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DocumentedGuardsTest {

    private static final String SOURCE = """
            public class Text {
                /**
                 * Joins.
                 *
                 * @throws NullPointerException if either argument is null
                 * @throws IllegalArgumentException if {@code names} is empty
                 * @throws IllegalArgumentException if the list contains null elements
                 * @throws TooManyException if {@code count} is negative
                 */
                public static String join(String separator, List<String> names, int count) {
                    return separator;
                }

                /**
                 * Trims.
                 *
                 * @param str the string
                 * @return the trimmed string, {@code null} if null String input
                 */
                public static String trim(String str) {
                    return str.trim();
                }

                /**
                 * Counts.
                 *
                 * @return the length, {@code null} if null String input
                 */
                public static int length(String str) {
                    return str.length();
                }
            }
            """;

    private static MethodDeclaration method(String name) {
        return JavaSnippets.method(JavaSnippets.parse(SOURCE), name);
    }

    private static List<ChangedSymbol.Guard> documented(String name, List<String> imports) {
        MethodDeclaration method = method(name);
        return DocumentedGuards.documentedGuards(method, method.getJavadoc().orElseThrow(), imports);
    }

    @Test
    void nullAndEmptyArgumentsAsTheThrowsTagsPromiseThem() {
        assertEquals(List.of(
                ChangedSymbol.Guard.documented("separator == null || names == null", "NullPointerException", 2,
                        "@throws NullPointerException if either argument is null"),
                ChangedSymbol.Guard.documented("names.isEmpty()", "IllegalArgumentException", 2,
                        "@throws IllegalArgumentException if names is empty")), documented("join", List.of()),
                "elements the text only talks about, and an exception the test cannot name, are left out");
    }

    @Test
    void anImportedExceptionCanBeNamed() {
        assertEquals(ChangedSymbol.Guard.documented("count < 0", "TooManyException", 2,
                        "@throws TooManyException if count is negative"),
                documented("join", List.of("import p.TooManyException;")).get(2));
    }

    @Test
    void aDocumentedNullReturnForTheOnlyReferenceParameter() {
        MethodDeclaration trim = method("trim");
        assertEquals(Optional.of(new ChangedSymbol.Guard("str == null", null, 14, "null",
                        "@return the trimmed string, null if null String input", null)),
                DocumentedGuards.documentedNullReturn(trim, trim.getJavadoc().orElseThrow()));
        MethodDeclaration length = method("length");
        assertEquals(Optional.empty(), DocumentedGuards.documentedNullReturn(length, length.getJavadoc().orElseThrow()),
                "a primitive return cannot be null");
    }
}
