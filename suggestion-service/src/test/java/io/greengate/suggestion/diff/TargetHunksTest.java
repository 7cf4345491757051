package io.greengate.suggestion.diff;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetHunksTest {

    private static final String DIFF = """
            diff --git a/src/cart.py b/src/cart.py
            --- a/src/cart.py
            +++ b/src/cart.py
            @@ -1,3 +1,4 @@
             def total(items):
            +    # sum of the prices
                 return sum(i.price for i in items)
            \s
            @@ -20,2 +21,5 @@ def total(items):
             def discount(total, percent):
            +    if percent < 0:
            +        raise ValueError("negative")
            +    return total * (100 - percent) / 100
            diff --git a/src/other.py b/src/other.py
            --- a/src/other.py
            +++ b/src/other.py
            @@ -1 +1 @@
            -x = 1
            +x = 2
            """;

    @Test
    void theHunkOverTheSymbolsLinesIsTheExcerpt() {
        String excerpt = TargetHunks.of(UnifiedDiffParser.parse(DIFF)).excerpt("src/cart.py", 21, 24);
        assertTrue(excerpt.startsWith("--- a/src/cart.py\n+++ b/src/cart.py\n@@ -20,2 +21,5 @@"), excerpt);
        assertTrue(excerpt.contains("+        raise ValueError(\"negative\")"));
        assertFalse(excerpt.contains("sum of the prices"), "the other hunk of the file is left out");
        assertFalse(excerpt.contains("x = 2"), "other files are left out");
    }

    @Test
    void withoutAnOverlappingHunkEveryHunkOfTheFileIsShownAndAFileOutsideTheDiffHasNone() {
        String excerpt = TargetHunks.of(UnifiedDiffParser.parse(DIFF)).excerpt("src/cart.py", 100, 110);
        assertTrue(excerpt.contains("sum of the prices") && excerpt.contains("raise ValueError"));
        assertNull(TargetHunks.of(UnifiedDiffParser.parse(DIFF)).excerpt("src/missing.py", 1, 2));
    }

    @Test
    void aLongChangeIsCutAndSaysSo() {
        StringBuilder diff = new StringBuilder("diff --git a/big.py b/big.py\n--- a/big.py\n+++ b/big.py\n@@ -0,0 +1,300 @@\n");
        for (int i = 0; i < 300; i++) {
            diff.append("+x").append(i).append(" = ").append(i).append('\n');
        }
        String excerpt = TargetHunks.of(UnifiedDiffParser.parse(diff.toString()))
                .excerpt("big.py", 1, 300);
        assertEquals(TargetHunks.MAX_LINES + 1, excerpt.strip().split("\n").length);
        assertTrue(excerpt.contains("more lines of this file's change"));
    }
}
