package io.greengate.suggestion.analysis.python;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.diff.ChangedFile;
import io.greengate.suggestion.diff.LineRange;
import org.treesitter.TSNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PythonRoundTripsTest {

    private static final String SOURCE = """
            def to_json(value: int) -> str:
                return str(value)


            def from_json(text: str) -> int:
                return int(text)


            def wrap(thing: Thing) -> Box:
                return Box(thing)


            def unwrap(box: Box) -> Thing:
                return box.thing


            def to_text(value) -> str:
                return str(value)


            def from_text(text: str) -> int:
                return int(text)
            """;

    /** Only to_json's lines changed. */
    private static final ChangedFile FILE = new ChangedFile("codec.py", "codec.py", ChangedFile.Change.MODIFIED, false,
            List.of(new LineRange(2, 2)), null, List.of());

    private static List<ChangedSymbol.Inverse> inverses(String function) {
        PythonSnippets.Parsed parsed = PythonSnippets.parse(SOURCE);
        List<TSNode> siblings = PythonSyntax.namedChildren(parsed.root());
        return PythonRoundTrips.inverses(parsed.function(function), siblings, FILE, parsed.text(), false);
    }

    @Test
    void annotatedFunctionsWhoseNamesPairUndoEachOther() {
        assertEquals(List.of(new ChangedSymbol.Inverse("from_json", true, false)), inverses("to_json"));
        assertEquals(List.of(new ChangedSymbol.Inverse("to_json", false, true)), inverses("from_json"));
    }

    @Test
    void noRoundTripFromATypeALiteralCannotWriteOrWithoutAnnotations() {
        assertEquals(List.of(), inverses("wrap"));
        assertEquals(List.of(), inverses("to_text"), "an unannotated parameter's type is a guess");
    }
}
