package io.greengate.suggestion.analysis.python;

import io.greengate.suggestion.Diffs;
import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.diff.ChangedFile;
import io.greengate.suggestion.diff.UnifiedDiffParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PythonChangedSymbolsTest {

    private static List<ChangedSymbol> symbols(String path, String source) {
        ChangedFile file = UnifiedDiffParser.parse(Diffs.newFile(path, source)).get(0);
        return PythonChangedSymbols.changedIn(file, source);
    }

    @Test
    void readsMethodsFunctionsDefaultsGuardsAndDocstrings() {
        List<ChangedSymbol> symbols = symbols("src/cart.py", Diffs.CART_PY);
        assertEquals(List.of("Cart.add", "Cart.total", "parse_price"),
                symbols.stream().map(ChangedSymbol::qualifiedName).toList());
        ChangedSymbol add = symbols.get(0);
        assertEquals(ChangedSymbol.Receiver.INSTANCE, add.receiver());
        assertTrue(add.constructible());
        assertEquals(List.of("self", "name", "price", "quantity"), add.parameterNames());
        assertEquals("1", add.parameters().get(3).defaultValue());
        assertEquals(List.of(new ChangedSymbol.Guard("price < 0", "ValueError", 6)), add.guards());
        assertTrue(symbols.get(2).docstring().contains(">>> parse_price(\" $4.50 \")"));
        assertTrue(symbols.get(2).python().moduleNames().containsAll(List.of("Cart", "parse_price")));
    }

    @Test
    void privateNamesPropertiesAndUntouchedFunctionsAreLeftAlone() {
        String source = """
                def _helper(x):
                    return x


                class Box:
                    @property
                    def size(self):
                        return 1

                    def open(self, force: bool = False) -> bool:
                        return force
                """;
        List<ChangedSymbol> symbols = symbols("box.py", source);
        assertEquals(List.of("Box.open"), symbols.stream().map(ChangedSymbol::qualifiedName).toList());
        assertEquals("bool", symbols.get(0).parameters().get(1).type());
        assertEquals("bool", symbols.get(0).returnType());
    }

    @Test
    void aClassWhoseConstructorNeedsArgumentsIsNotConstructible() {
        String source = """
                class Account:
                    def __init__(self, owner):
                        self.owner = owner

                    def deposit(self, amount):
                        if amount <= 0:
                            raise ValueError("positive amounts only")
                """;
        ChangedSymbol deposit = symbols("bank/account.py", source).get(0);
        assertFalse(deposit.constructible());
        assertEquals("bank.account", deposit.module());
    }

    @Test
    void generatorsAndCoroutinesHaveNoGuardsAsTheirCallRunsNothing() {
        String source = """
                def pairs(seq):
                    if not seq:
                        return
                    if len(seq) > 100:
                        raise ValueError("too long")
                    yield from zip(seq, seq[1:])


                async def fetch(url):
                    if url is None:
                        raise ValueError("no url")
                    return url


                def firsts(rows):
                    if rows is None:
                        return []
                    return [next(iter(r)) for r in rows if (lambda: (yield))]
                """;
        List<ChangedSymbol> symbols = symbols("seqs.py", source);
        assertEquals(List.of(), symbols.get(0).guards(), "pairs(None) returns a generator: nothing is raised or returned");
        assertEquals(List.of(), symbols.get(1).guards(), "fetch(None) returns a coroutine");
        assertEquals(List.of(ChangedSymbol.Guard.returning("rows is None", "[]", 16)), symbols.get(2).guards(),
                "a yield inside a lambda does not make firsts a generator");
    }

    @Test
    void nonAsciiTextDoesNotShiftNames() {
        String source = "def grüße(name):\n    \"\"\"Sagt Grüß Gott.\"\"\"\n    return 'Grüß ' + name\n";
        ChangedSymbol symbol = symbols("de.py", source).get(0);
        assertEquals("grüße", symbol.name());
        assertEquals("Sagt Grüß Gott.", symbol.docstring());
    }
}
