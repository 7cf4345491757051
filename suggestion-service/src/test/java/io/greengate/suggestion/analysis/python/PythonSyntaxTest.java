package io.greengate.suggestion.analysis.python;

import io.greengate.suggestion.analysis.ChangedSymbol;
import org.junit.jupiter.api.Test;
import org.treesitter.TSNode;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PythonSyntaxTest {

    private static final String SOURCE = """
            class Box:
                @staticmethod
                def make(self, a, b: int, c=1, d: str = "x", *args, **kw):
                    '''Makes a box.'''
                    return Box()

                def only(self, a, /, b):
                    return a


            def plain():
                return 1
            """;

    @Test
    void parametersWithTypesDefaultsAndVariadics() {
        PythonSnippets.Parsed parsed = PythonSnippets.parse(SOURCE);
        TSNode make = parsed.function("make");
        assertEquals(List.of(new ChangedSymbol.Parameter("self", null, null, false),
                        new ChangedSymbol.Parameter("a", null, null, false),
                        new ChangedSymbol.Parameter("b", "int", null, false),
                        new ChangedSymbol.Parameter("c", null, "1", false),
                        new ChangedSymbol.Parameter("d", "str", "\"x\"", false),
                        new ChangedSymbol.Parameter("args", null, null, true),
                        new ChangedSymbol.Parameter("kw", null, null, true)),
                PythonSyntax.parameters(make.getChildByFieldName("parameters"), parsed.text()));
        assertNull(PythonSyntax.parameters(parsed.function("only").getChildByFieldName("parameters"), parsed.text()),
                "a positional-only marker is not called safely");
    }

    @Test
    void docstringsWithoutTheirQuotes() {
        PythonSnippets.Parsed parsed = PythonSnippets.parse(SOURCE);
        assertEquals("Makes a box.",
                PythonSyntax.docstring(parsed.function("make").getChildByFieldName("body"), parsed.text()));
        assertNull(PythonSyntax.docstring(parsed.function("plain").getChildByFieldName("body"), parsed.text()));
    }

    @Test
    void decoratorsAndTheDefinitionTheyWrap() {
        PythonSnippets.Parsed parsed = PythonSnippets.parse(SOURCE);
        TSNode body = PythonSyntax.namedChildren(parsed.root()).get(0).getChildByFieldName("body");
        TSNode decorated = PythonSyntax.namedChildren(body).get(0);
        assertTrue(PythonSyntax.isDecorated(decorated));
        assertEquals(List.of("staticmethod"), PythonSyntax.decorators(decorated, parsed.text()));
        assertEquals("function_definition", PythonSyntax.unwrapDecorated(decorated).getType());
        TSNode plain = PythonSyntax.namedChildren(parsed.root()).get(1);
        assertEquals(List.of(), PythonSyntax.decorators(plain, parsed.text()));
        assertEquals(plain.getStartByte(), PythonSyntax.unwrapDecorated(plain).getStartByte());
    }
}
