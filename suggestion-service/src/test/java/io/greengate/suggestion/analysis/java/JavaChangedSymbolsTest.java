package io.greengate.suggestion.analysis.java;

import io.greengate.suggestion.analysis.ChangedSymbol;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JavaChangedSymbolsTest {

    private static final String PATH = "src/main/java/shop/Cart.java";
    private static final String SOURCE = """
            package shop;

            import java.util.List;

            public class Cart {
                public int total() {
                    return sum();
                }

                public int count() {
                    return 2;
                }

                int discount(int percent) {
                    return percent;
                }

                private int sum() {
                    return 3;
                }

                public enum Mode { FAST, SLOW }

                public record Line(String name, int price) {
                }
            }
            """;

    private static List<ChangedSymbol> changed(int from, int to) {
        return JavaChangedSymbols.changedIn(JavaSnippets.changed(PATH, from, to), SOURCE,
                new JavaSources(Map.of(PATH, SOURCE)));
    }

    @Test
    void publicMethodsThenInternalOnesThenChangedTypes() {
        List<ChangedSymbol> symbols = changed(10, 26);
        assertEquals(List.of("Cart.total", "Cart.count", "Cart.discount", "Cart.Mode", "Cart.Line"),
                symbols.stream().map(ChangedSymbol::qualifiedName).toList());
        assertEquals(List.of(ChangedSymbol.Shape.CALLABLE, ChangedSymbol.Shape.CALLABLE, ChangedSymbol.Shape.INTERNAL,
                ChangedSymbol.Shape.ENUM, ChangedSymbol.Shape.RECORD),
                symbols.stream().map(ChangedSymbol::shape).toList());
        assertEquals("sum", symbols.get(0).reachedFrom(), "total runs the changed private helper");
        assertNull(symbols.get(1).reachedFrom());
        assertEquals(List.of("import java.util.List;"), symbols.get(1).java().imports());
        assertEquals(Map.of("Cart", "new Cart()", "Cart.Mode", "Cart.Mode.FAST"), symbols.get(2).java().knownValues());
        assertEquals(List.of("FAST", "SLOW"), symbols.get(3).java().constants());
        assertEquals(List.of("name", "price"), symbols.get(4).parameterNames());
    }

    @Test
    void onlyWhatTheDiffTouched() {
        assertEquals(List.of("Cart.count"), changed(11, 11).stream().map(ChangedSymbol::qualifiedName).toList());
    }

    @Test
    void aFileThatDoesNotParseHasNoSymbols() {
        assertEquals(List.of(), JavaChangedSymbols.changedIn(JavaSnippets.changed(PATH, 1, 1), "public class {",
                new JavaSources(Map.of())));
    }
}
