package io.greengate.suggestion.engine.embedded.python;

import io.greengate.suggestion.engine.SuggestedTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.greengate.suggestion.engine.embedded.EngineRuns.runPytest;
import static io.greengate.suggestion.engine.embedded.EngineRuns.suggest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pytest kinds run for real with pytest: round trips by names and annotations, a module inside a package whose
 * relative imports must resolve, doctest examples over continuation lines, skipped examples and keyword guard arguments.
 */
class PythonKindsRunTest {

    static final String NUMBER_PY = """
            from .i18n import suffix


            def ordinal(value):
                \"\"\"Converts an integer to its ordinal as a string.

                >>> for n in (1, 2):
                ...     _ = n
                >>> ordinal(1)
                '1st'
                >>> [ordinal(n)
                ...  for n in (2, 3)]
                ['2nd', '3rd']
                >>> ordinal(11)  # doctest: +SKIP
                '11th'
                >>> for n in (1, 12):
                ...     print(n, ordinal(n))
                1 1st
                12 12th
                \"\"\"
                return str(value) + suffix(value)


            def clamp(value, floor=None):
                if value is None:
                    return None
                return value if floor is None else max(value, floor)


            def pad(text, width=2):
                if not text:
                    return ''
                return text.rjust(width)
            """;

    static final String I18N_PY = """
            def suffix(value):
                if 10 <= value % 100 <= 20:
                    return "th"
                return {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
            """;

    static final String HEXES_PY = """
            import html


            def encode_hex(data: bytes) -> str:
                return data.hex()


            def decode_hex(text: str) -> bytes:
                return bytes.fromhex(text)


            def to_words(text):
                return text.split()


            def from_words(words):
                return " ".join(words)


            class Escaper:
                def escape(self, text: str) -> str:
                    return html.escape(text)

                def unescape(self, text: str) -> str:
                    return html.unescape(text)
            """;

    @Test
    void pythonRoundTripsFollowNamesAndAnnotationsAndRun() throws Exception {
        List<SuggestedTest> tests = suggest("hexes.py", HEXES_PY, 10).stream()
                .filter(t -> t.caseKind().equals("round-trip")).toList();
        // one per pair, by the encoding side; to_words/from_words are not annotated, so their types are unknown
        assertEquals(List.of("hexes.encode_hex", "hexes.Escaper.escape"),
                tests.stream().map(t -> "hexes." + t.targetSymbol()).toList());
        assertTrue(tests.get(0).code().contains("assert module.decode_hex(module.encode_hex(original)) == original"),
                tests.get(0).code());
        assertTrue(tests.get(1).code().contains("subject = module.Escaper()")
                && tests.get(1).code().contains("assert subject.unescape(subject.escape(original)) == original"),
                tests.get(1).code());

        Path checkout = Files.createTempDirectory("checkout");
        Files.writeString(checkout.resolve("hexes.py"), HEXES_PY);
        String output = runPytest(checkout, tests);
        assertTrue(output.contains("2 passed"), output);
    }

    @Test
    void pytestCasesRunForAModuleInsideAPackage() throws Exception {
        List<SuggestedTest> tests = suggest("textfmt/number.py", NUMBER_PY, 10);
        assertEquals(List.of("doctest-examples", "guard-returns", "guard-returns"),
                tests.stream().map(SuggestedTest::caseKind).toList());
        assertTrue(tests.get(1).code().contains("assert module.clamp(value=None) is None"), tests.get(1).code());
        assertTrue(tests.get(2).code().contains("assert module.pad(text=None) == ''"), tests.get(2).code());

        Path checkout = Files.createTempDirectory("checkout");
        Files.createDirectories(checkout.resolve("textfmt"));
        Files.writeString(checkout.resolve("textfmt/__init__.py"), "");
        Files.writeString(checkout.resolve("textfmt/number.py"), NUMBER_PY);
        Files.writeString(checkout.resolve("textfmt/i18n.py"), I18N_PY);
        String output = runPytest(checkout, tests);
        assertTrue(output.contains(tests.size() + " passed"), output);
    }

    static final String MERGING_PY = """
            def merge(*dicts):
                \"\"\"Merges dictionaries.

                >>> merge({1: 1}, {2: 2})  # doctest: +SKIP
                {1: 1, 2: 2}
                >>> merge(first, {1: 1}, {1: 2})  # doctest: +SKIP
                {1: 1}
                >>> def double(x):
                ...     return 2 * x
                >>> merge({k: double(k) for k in (1, 2)}, {3: (lambda y: y)(3)})  # doctest: +SKIP
                {1: 2, 2: 4, 3: 3}
                >>> len(merge({1: 1}, {1: 2}))
                1
                \"\"\"
                out = {}
                for d in dicts:
                    out.update(d)
                return out


            def clip(width, text):
                if width == 0:
                    return ''
                return text[:width]
            """;

    /** Found by the whole-library spot check (toolz): both cases failed before. */
    @Test
    void skippedExamplesNeedTheirNamesAndGuardArgumentsGoByKeyword() throws Exception {
        List<SuggestedTest> tests = suggest("merging.py", MERGING_PY, 10);
        assertEquals(List.of("doctest-examples", "guard-returns"), tests.stream().map(SuggestedTest::caseKind).toList());
        // the skipped example that uses `first`, which the module does not have, is left out
        String examples = tests.get(0).code();
        // names an earlier example defines, a comprehension's target and a lambda's parameter are known
        assertTrue(examples.contains("assert (merge({k: double(k) for k in (1, 2)}, {3: (lambda y: y)(3)})) == {1: 2, 2: 4, 3: 3}"),
                examples);
        assertTrue(examples.contains("assert merge({1: 1}, {2: 2}) == {1: 1, 2: 2}")
                && examples.contains("assert len(merge({1: 1}, {1: 2})) == 1") && !examples.contains("first"), examples);
        // positionally, None would land on width itself: clip() got multiple values for argument 'width'
        assertTrue(tests.get(1).code().contains("assert module.clip(text=None, width=0) == ''"), tests.get(1).code());
        Path checkout = Files.createTempDirectory("checkout");
        Files.writeString(checkout.resolve("merging.py"), MERGING_PY);
        String output = runPytest(checkout, tests);
        assertTrue(output.contains("2 passed"), output);
    }
}
