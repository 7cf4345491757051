package io.greengate.suggestion.policy;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExistingTestsTest {

    private static final String EXISTING = """
            from src.cart import Cart


            def test_empty_cart():
                assert Cart().total() == 0
                with pytest.raises(ValueError):
                    Cart().total(discount=-1)
            """;

    @Test
    void aTestWhoseAssertionsTheRepositoryAlreadyMakesRepeatsIt() {
        ExistingTests existing = ExistingTests.in(Map.of("tests/test_cart.py", EXISTING));
        assertTrue(existing.repeats("def test_total_of_nothing():\n    assert  Cart().total()==0\n", null),
                "the same assertion, spaced differently");
        assertFalse(existing.repeats("def test_total():\n    assert Cart().total() == 0\n    assert Cart().count() == 0\n",
                null), "one assertion is new");
        assertFalse(existing.repeats("def test_nothing():\n    pass\n", null), "no assertion: nothing to compare");
    }

    @Test
    void onlyTestFilesCountAndACaseAppendedToAFileIsJudgedByItsOwnLines() {
        assertFalse(ExistingTests.in(Map.of("src/cart.py", EXISTING))
                .repeats("def test_x():\n    assert Cart().total() == 0\n", null), "src/cart.py is not a test");
        ExistingTests existing = ExistingTests.in(Map.of("tests/test_cart.py", EXISTING));
        String appended = EXISTING + "\n\ndef test_count():\n    assert Cart().count() == 0\n";
        assertFalse(existing.repeats(appended, EXISTING), "the appended case asserts something new");
        assertEquals(2, ExistingTests.assertionsOf(EXISTING).size());
        assertTrue(ExistingTests.assertionsOf("        assertThrows(IllegalArgumentException.class, () -> p.total(-1));")
                .contains("assertThrows(IllegalArgumentException.class,()->p.total(-1));"));
    }
}
