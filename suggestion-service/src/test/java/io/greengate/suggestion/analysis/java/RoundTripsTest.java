package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import io.greengate.suggestion.analysis.ChangedSymbol;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoundTripsTest {

    private static final String SOURCE = """
            public class Hex {
                public String encode(byte[] data) {
                    return "";
                }

                public byte[] decode(String text) {
                    return new byte[0];
                }

                public static byte[] decodeStatic(String text) {
                    return new byte[0];
                }

                public Object wrap(Thing thing) {
                    return thing;
                }

                public Thing unwrap(Object wrapped) {
                    return null;
                }
            }
            """;

    private static List<ChangedSymbol.Inverse> inverses(String name) {
        CompilationUnit unit = JavaSnippets.parse(SOURCE);
        List<MethodDeclaration> all = JavaSnippets.type(unit, "Hex").getMethods();
        return RoundTrips.inverses(JavaSnippets.method(unit, name), all, Map.of(),
                m -> m.getNameAsString().equals("decode"));
    }

    @Test
    void encodeAndDecodeUndoEachOther() {
        assertEquals(List.of(new ChangedSymbol.Inverse("decode", true, true)), inverses("encode"));
        assertEquals(List.of(new ChangedSymbol.Inverse("encode", false, false)), inverses("decode"));
    }

    @Test
    void noRoundTripFromATypeATestCannotWriteAValueOf() {
        assertEquals(List.of(), inverses("wrap"));
    }
}
