package io.greengate.suggestion.engine.llm;

import io.greengate.suggestion.Diffs;
import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.GenerationRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the prompt tells the model about each changed symbol, without Quarkus. */
class PromptBuilderTest {

    static final String CALC_PY = """
            import math
            from typing import (
                Optional,
            )


            def clamp(value, lo, hi):
                \"\"\"Clamp value into [lo, hi]; 999999 is 999.999 kB.\"\"\"
                api_key = "hunter2secret"
                if lo > hi: raise ValueError("empty range")
                if value > 999999:
                    return hi
                return max(lo, min(hi, value))
            """;

    static final String CALC_DIFF = Diffs.modified("src/pkg/calc.py", """
            @@ -7,2 +7,7 @@
             def clamp(value, lo, hi):
            +    \"\"\"Clamp value into [lo, hi]; 999999 is 999.999 kB.\"\"\"
            +    api_key = "hunter2secret"
            +    if lo > hi: raise ValueError("empty range")
            +    if value > 999999:
            +        return hi
                 return max(lo, min(hi, value))
            """);

    static ChangedSymbol clamp() {
        return new ChangedSymbol(new ChangedSymbol.Place("src/pkg/calc.py", "python", "src.pkg.calc", null, 7, 13),
                "clamp", ChangedSymbol.Shape.CALLABLE, new ChangedSymbol.Call(ChangedSymbol.Receiver.FUNCTION, false,
                List.of(), null), ChangedSymbol.Facts.NONE, new ChangedSymbol.PythonDetails(Set.of("clamp")));
    }

    static ChangedSymbol pricingTotal() {
        return new ChangedSymbol(new ChangedSymbol.Place("src/main/java/com/acme/shop/Pricing.java", "java",
                "com.acme.shop", "Pricing", 7, 13), "total", ChangedSymbol.Shape.CALLABLE,
                new ChangedSymbol.Call(ChangedSymbol.Receiver.CLASS, true, List.of(), "long"), ChangedSymbol.Facts.NONE,
                ChangedSymbol.JavaDetails.of(List.of("import java.util.List;")));
    }

    /** A test file of 50 lines whose 45th line is a marker past the head. */
    private static String testFile(String first, String marker) {
        return first + IntStream.range(1, 50).mapToObj(i -> i == 44 ? marker : "# line " + i)
                .collect(Collectors.joining("\n")) + "\n";
    }

    @Test
    void aPythonSymbolComesWithItsFullSourceImportsPackageImportTestHeadAndConstantsRedacted() {
        Map<String, String> files = Map.of("src/pkg/calc.py", CALC_PY, "src/pkg/__init__.py", "",
                "tests/test_calc.py", testFile("import pytest\nfrom pkg.calc import clamp\n", "PAST_THE_HEAD"));
        String context = PromptBuilder.context(new GenerationRequest("acme/shop", CALC_DIFF, List.of(clamp()), files,
                3), 24_000);

        assertTrue(context.contains("    return max(lo, min(hi, value))"), "the full body: " + context);
        assertTrue(context.contains("Full source (lines 7-13)"), context);
        assertTrue(context.contains("import math\nfrom typing import (\n    Optional,\n)"), "the file's imports");
        assertTrue(context.contains("Module: pkg.calc (package root: src/"), "the package's dotted name");
        assertTrue(context.contains("`from pkg.calc import clamp`") && context.contains("never by file path"), context);
        assertTrue(context.contains("Head of its existing test file tests/test_calc.py"), context);
        assertTrue(context.contains("from pkg.calc import clamp\n# line 1"), "the test's head: " + context);
        assertFalse(context.contains("PAST_THE_HEAD"), "only the first 40 lines of the test");
        assertTrue(context.contains("Constants the change brings (probe them and their neighbours): "
                + "999999, 999.999, \"empty range\"\n"), context);
        assertFalse(context.contains("hunter2secret"), "a secret in the body or among the constants: " + context);
        assertTrue(context.contains("api_key = \"[REDACTED]\""), context);
    }

    @Test
    void aModuleOutsideAnyPackageIsImportedByItsOwnName() {
        Map<String, String> files = Map.of("src/pkg/calc.py", CALC_PY);
        String context = PromptBuilder.context(new GenerationRequest("acme/shop", CALC_DIFF, List.of(clamp()), files,
                3), 24_000);
        assertTrue(context.contains("Module: calc (package root: src/pkg/"), context);
    }

    @Test
    void aJavaSymbolComesWithItsFullSourceImportsPackageAndTestHead() {
        String path = "src/main/java/com/acme/shop/Pricing.java";
        String testPath = "src/test/java/com/acme/shop/PricingTest.java";
        Map<String, String> files = Map.of(path, Diffs.PRICING_JAVA,
                testPath, testFile("package com.acme.shop;\n\nimport org.junit.jupiter.api.Test;\n", "// PAST"));
        String context = PromptBuilder.context(new GenerationRequest("acme/shop", Diffs.PRICING_JAVA_DIFF,
                List.of(pricingTotal()), files, 3), 24_000);

        assertTrue(context.contains("long sum = cents.stream().mapToLong(Long::longValue).sum();\n"
                + "        return sum - sum * percentOff / 100;\n    }"), "the full body: " + context);
        assertTrue(context.contains("Imports of its file:\nimport java.util.List;"), context);
        assertTrue(context.contains("Package: com.acme.shop.") && context.contains("under src/test/java/com/acme/shop/"),
                context);
        assertTrue(context.contains("Head of its existing test file " + testPath), context);
        assertTrue(context.contains("import org.junit.jupiter.api.Test;"), context);
        assertFalse(context.contains("// PAST"), "only the first 40 lines of the test");
        assertTrue(context.contains("Constants the change brings (probe them and their neighbours): "
                + "0, 100, \"percentOff must be 0..100\"\n"), context);
    }

    @Test
    void symbolContextAndDiffShareTheContextBudget() {
        String body = IntStream.range(0, 400).mapToObj(i -> "    x = " + i).collect(Collectors.joining("\n"));
        String source = "def clamp(value, lo, hi):\n" + body + "\n    return value\n";
        ChangedSymbol big = new ChangedSymbol(new ChangedSymbol.Place("src/calc.py", "python", "src.calc", null, 1,
                402), "clamp", ChangedSymbol.Shape.CALLABLE, new ChangedSymbol.Call(ChangedSymbol.Receiver.FUNCTION,
                false, List.of(), null), ChangedSymbol.Facts.NONE, new ChangedSymbol.PythonDetails(Set.of("clamp")));
        String diff = Diffs.newFile("src/calc.py", source);
        String prompt = PromptBuilder.user(new GenerationRequest("acme/shop", diff, List.of(big), Map.of(), 3),
                List.of(), 2_000, 100);

        assertTrue(prompt.contains("[context of clamp truncated]"), prompt);
        assertTrue(prompt.contains("[diff truncated]"), prompt);
        assertTrue(prompt.contains("def clamp(value, lo, hi):\n    x = 0"), "an added file's source is the diff's");
        assertTrue(prompt.length() < 2_000 + 2_000, "the budget holds: " + prompt.length());
    }
}
