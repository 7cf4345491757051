package io.greengate.suggestion.engine.embedded.render;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.analysis.ChangedSymbol.Call;
import io.greengate.suggestion.analysis.ChangedSymbol.Facts;
import io.greengate.suggestion.analysis.ChangedSymbol.Parameter;
import io.greengate.suggestion.analysis.ChangedSymbol.Place;
import io.greengate.suggestion.analysis.ChangedSymbol.PythonDetails;
import io.greengate.suggestion.engine.SuggestedTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pytest case model placed in a file: a new one, the module's existing test file, or none when it is there. */
class PytestRendererTest {

    private static final ChangedSymbol CLAMP = new ChangedSymbol(
            new Place("src/shop/text.py", "python", "shop.text", null, 1, 4), "clamp", ChangedSymbol.Shape.CALLABLE,
            new Call(ChangedSymbol.Receiver.FUNCTION, false, List.of(new Parameter("value", null, null, false)), null),
            Facts.NONE, new PythonDetails(Set.of("clamp")));

    private static final PytestCase CLAMP_NONE = new PytestCase(CLAMP, "guard-returns", 0.75,
            "test_clamp_returns_none", List.of("assert module.clamp(value=None) is None"), false,
            "clamp returns None for None.", false);

    @Test
    void aCaseGoesIntoANewFileNamedByModuleSymbolAndKind() {
        SuggestedTest test = PytestRenderer.render(CLAMP_NONE, Map.of()).orElseThrow();
        assertEquals("tests/test_text_clamp_guard_returns.py", test.testPath());
        assertEquals("src/shop/text.py", test.targetFile());
        assertEquals("clamp", test.targetSymbol());
        assertEquals("python", test.language());
        assertEquals("pytest", test.framework());
        assertEquals("guard-returns", test.caseKind());
        assertEquals(0.75, test.priorConfidence());
        assertNull(test.testFileBase());
        String code = test.code();
        assertTrue(code.startsWith("def test_clamp_returns_none():\n    \"\"\"Suggested by Greengate for clamp.\"\"\"\n"),
                code);
        // the file is one folder deep: the checkout's root is its parents[1]
        assertTrue(code.contains("    source = pathlib.Path(__file__).resolve().parents[1] / \"src/shop/text.py\"\n"), code);
        assertTrue(code.endsWith("\n    assert module.clamp(value=None) is None\n"), code);
        assertFalse(code.contains("import pytest") || code.contains("capsys"), code);
    }

    @Test
    void aMethodsFileIsNamedInSnakeCaseAndTheFlagsBringPytestAndCapsys() {
        ChangedSymbol addItem = new ChangedSymbol(
                new Place("src/cart.py", "python", "cart", "Cart", 3, 9), "addItem", ChangedSymbol.Shape.CALLABLE,
                new Call(ChangedSymbol.Receiver.INSTANCE, true, List.of(new Parameter("self", null, null, false)), null),
                Facts.NONE, new PythonDetails(Set.of("Cart")));
        SuggestedTest test = PytestRenderer.render(new PytestCase(addItem, "guard-raises", 0.8, "test_add_item_raises",
                List.of("with pytest.raises(ValueError):", "    module.Cart().addItem(None)"), true, "why", true),
                Map.of()).orElseThrow();
        assertEquals("tests/test_cart_cart_add_item_guard_raises.py", test.testPath());
        assertTrue(test.code().startsWith("def test_add_item_raises(capsys):\n"), test.code());
        assertTrue(test.code().contains("\n    import pytest\n"), test.code());
        assertTrue(test.code().endsWith("    with pytest.raises(ValueError):\n        module.Cart().addItem(None)\n"),
                test.code());
    }

    @Test
    void aCaseIsAppendedToTheModulesExistingTestFile() {
        String existing = "import math\n\n\ndef test_existing():\n    assert math.pi > 3";
        SuggestedTest test = PytestRenderer.render(CLAMP_NONE, Map.of("tests/test_text.py", existing)).orElseThrow();
        assertEquals("tests/test_text.py", test.testPath());
        assertEquals(existing, test.testFileBase());
        assertTrue(test.code().startsWith(existing + "\n\n\ndef test_clamp_returns_none():\n"), test.code());
        assertTrue(test.code().endsWith("    assert module.clamp(value=None) is None\n"), test.code());
    }

    @Test
    void aCaseIsDroppedWhenTheExistingFileHasAFunctionOfItsName() {
        String existing = "def test_clamp_returns_none():\n    assert True\n";
        assertEquals(Optional.empty(), PytestRenderer.render(CLAMP_NONE, Map.of("tests/test_text.py", existing)));
        // a name that only starts the same is another function
        assertTrue(PytestRenderer.render(CLAMP_NONE,
                Map.of("tests/test_text.py", "def test_clamp_returns_none_twice():\n    pass\n")).isPresent());
    }
}
