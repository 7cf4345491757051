package io.greengate.suggestion.analysis;

import io.greengate.suggestion.diff.ChangedFile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChangeConstantsTest {

    @Test
    void numbersAndStringsOfCodeAndProseAreMinedOnceInOrder() {
        assertEquals(List.of("999999", "999.999", "0", "100", "\"percentOff must be 0..100\"", "0x1F", "'kB'", "2.5e3"),
                ChangeConstants.mine(List.of(
                        "    \"\"\"999999 is 999.999 kB.\"\"\"",
                        "if (percentOff < 0 || percentOff > 100) {",
                        "throw new IllegalArgumentException(\"percentOff must be 0..100\");",
                        "x2 = utf8 + 0x1F  # it's 100 again",
                        "unit = 'kB' if size > 2.5e3 else ''")));
    }

    @Test
    void redactedSecretsAreNoConstantsAndTheListIsBounded() {
        assertEquals(List.of(), ChangeConstants.mine(List.of("api_key = \"[REDACTED]\"")));
        List<String> many = IntStream.range(100, 200).mapToObj(i -> "x = " + i).toList();
        assertEquals(ChangeConstants.MAX_CONSTANTS, ChangeConstants.mine(many).size());
    }

    @Test
    void onlyTheLinesAddedWithinTheSymbolCount() {
        ChangedFile.Hunk hunk = new ChangedFile.Hunk(10, 15, """
                @@ -10,4 +10,6 @@ def f():
                 a = 1
                +b = 2
                -c = 3
                +d = 4
                 e = 5
                +g = 6
                """);
        assertEquals(List.of("b = 2", "d = 4"), ChangeConstants.addedLines(List.of(hunk), 11, 13));
        assertEquals(List.of("g = 6"), ChangeConstants.addedLines(List.of(hunk), 14, 20));
    }
}
