package io.greengate.suggestion.engine.embedded.python;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DoctestExamplesTest {

    private static List<String> statements(String docstring) {
        return DoctestExamples.translate(docstring).orElseThrow().stream().map(DoctestExamples.Line::statement).toList();
    }

    @Test
    void continuationLinesJoinTheirExample() {
        String docstring = """
                Return those items of sequence for which predicate(item) is False

                    >>> def iseven(x):
                    ...     return x % 2 == 0
                    >>> list(remove(iseven, [1, 2, 3, 4]))
                    [1, 3]
                    >>> list(mapcat(lambda s: [c.upper() for c in s],
                    ...             [["a", "b"], ["c", "d", "e"]]))
                    ['A', 'B', 'C', 'D', 'E']
                """;
        assertEquals(List.of("def iseven(x):\n    return x % 2 == 0",
                "assert list(remove(iseven, [1, 2, 3, 4])) == [1, 3]",
                "assert (list(mapcat(lambda s: [c.upper() for c in s],\n            [[\"a\", \"b\"], [\"c\", \"d\", \"e\"]])))"
                        + " == ['A', 'B', 'C', 'D', 'E']"),
                statements(docstring));
    }

    @Test
    void examplesMarkedSkipAreLeftOutAsDoctestLeavesThemUnlessTheirResultIsADictOrSet() {
        String docstring = """
                >>> names = ['Alice', 'Bob']
                >>> result = groupby(len, names)  # doctest: +SKIP
                >>> groupby(len, names)  # doctest: +SKIP
                {3: ['Bob'],
                 5: ['Alice']}
                >>> sorted(names)  # doctest: +SKIP
                ['Alice', 'Bob']
                >>> count(names)
                2
                """;
        // the dict is compared with ==, which its printed order (why it is skipped) does not change; the statement
        // and the list (its order is its value) stay out as doctest leaves them out
        assertEquals(List.of("names = ['Alice', 'Bob']", "assert groupby(len, names) == {3: ['Bob'], 5: ['Alice']}",
                "assert count(names) == 2"), statements(docstring));
    }

    @Test
    void trailingCommentsAreDroppedButNotInsideStrings() {
        // kept, `assert get(1, 'ABC')       # Same as 'ABC'[1] == 'B'` would pass whatever get returns
        assertEquals(List.of("assert get(1, 'ABC') == 'B'", "assert get('#', {'#': 1}) == 1"),
                statements(">>> get(1, 'ABC')       # Same as 'ABC'[1]\n'B'\n>>> # a comment alone\n"
                        + ">>> get('#', {'#': 1})  # hash key\n1\n"));
    }

    @Test
    void theExamplesBeforeOneThatCannotBeTranslatedMakeTheCase() {
        String docstring = """
                >>> first('ABC')
                'A'
                >>> import sys; print(sys.version)  # doctest: +ELLIPSIS
                3...
                >>> first('XYZ')
                'X'
                """;
        assertEquals(List.of("assert first('ABC') == 'A'"), statements(docstring));
        assertEquals(Optional.empty(), DoctestExamples.translate(">>> f(1)  # doctest: +ELLIPSIS\n[1, ...]\n"));
    }

    @Test
    void printedOutputIsComparedAsText() {
        assertEquals(List.of("assert str(describe(3)) == \"three\\n  items\""),
                statements("    >>> print(describe(3))\n    three\n      items\n"));
    }

    @Test
    void aStatementThatPrintsIsComparedWithWhatItPrints() {
        String docstring = """
                >>> for pair in sorted(pairs):
                ...     print(pair)
                ('Alice', 'Berlin')
                <BLANKLINE>
                >>> print(a, b)
                1 2
                """;
        List<DoctestExamples.Line> lines = DoctestExamples.translate(docstring).orElseThrow();
        assertEquals(List.of(new DoctestExamples.Line("for pair in sorted(pairs):\n    print(pair)", null,
                        "('Alice', 'Berlin')\n\n"), new DoctestExamples.Line("print(a, b)", null, "1 2\n")), lines);
    }

    @Test
    void aChainedComparisonIsComparedAsAWhole() {
        // `assert ordinal([1]) == "[1]" == True` would chain: "[1]" == True is False
        assertEquals(List.of("assert (ordinal([1]) == \"[1]\") == True"),
                statements(">>> ordinal([1]) == \"[1]\"\nTrue\n"));
    }

    @Test
    void aReprWrappedOverLinesIsOneValue() {
        assertEquals(List.of("assert groupby('g', rows) == {'F': ['Alice'], 'M': ['Bob', 'Charlie']}"),
                statements(">>> groupby('g', rows)\n{'F': ['Alice'],\n 'M': ['Bob', 'Charlie']}\n"));
    }

    @Test
    void aConditionalExpressionIsComparedAsAWhole() {
        assertEquals(List.of("assert (a if flag else b) == 1"), statements(">>> a if flag else b\n1\n"));
    }
}
