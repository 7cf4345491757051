package io.greengate.bench.metering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * A stand-in for what suggestion-service meters: parse a unified diff, tokenise the changed lines (the features a
 * ranker scores), find the changed Python functions and generate pytest cases for each. CPU-bound, deterministic,
 * allocating like the real thing (strings, lists, maps); about 1 ms for a 2,000-line diff here.
 */
public final class DiffWorkload {

    private static final Pattern FILE = Pattern.compile("^\\+\\+\\+ b/(.+)$");
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*$");
    private static final Pattern DEF = Pattern.compile("^\\s*def\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(([^)]*)\\)");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|\\d+|\\S");

    private static final List<String> SCENARIOS = List.of("of_no_items_is_zero", "of_one_item", "with_discount");

    private DiffWorkload() {
    }

    /** A unified diff of about {@code lines} lines over files of 100 lines each, the same for the same seed. */
    public static String diff(int lines, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(lines * 40);
        int written = 0;
        for (int file = 0; written < lines; file++) {
            String path = "src/shop/module_" + file + ".py";
            out.append("diff --git a/").append(path).append(" b/").append(path).append('\n')
                    .append("index 3f2a1b0..9c8d7e6 100644\n")
                    .append("--- a/").append(path).append('\n')
                    .append("+++ b/").append(path).append('\n');
            written += 4;
            for (int hunk = 0; hunk < 4 && written < lines; hunk++) {
                int start = 1 + hunk * 40 + random.nextInt(10);
                out.append("@@ -").append(start).append(",24 +").append(start).append(",24 @@ class Cart:\n");
                written++;
                for (int i = 0; i < 24 && written < lines; i++, written++) {
                    char mark = i % 6 == 0 ? '+' : i % 6 == 3 ? '-' : ' ';
                    if (i % 8 == 0) {
                        out.append(mark).append("    def total_").append(file).append('_').append(hunk).append('_')
                                .append(i).append("(self, items, discount=0):\n");
                    } else {
                        out.append(mark).append("        value = sum(item.price * item.quantity for item in items) - ")
                                .append(random.nextInt(100)).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    /** Parses the diff and generates one test per changed function; the checksum keeps the JIT honest. */
    public static long analyseAndGenerate(String diff) {
        Map<String, List<String>> changedFunctions = new LinkedHashMap<>();
        Map<String, Integer> tokens = new java.util.HashMap<>();
        String file = null;
        int newLine = 0;
        int added = 0;
        int removed = 0;
        for (String line : diff.split("\n")) {
            Matcher matcher;
            if (line.startsWith("+++ ")) {
                matcher = FILE.matcher(line);
                file = matcher.matches() ? matcher.group(1) : null;
            } else if (line.startsWith("@@")) {
                matcher = HUNK.matcher(line);
                if (matcher.matches()) {
                    newLine = Integer.parseInt(matcher.group(3));
                }
            } else if (line.startsWith("+") && file != null) {
                added++;
                newLine++;
                Matcher token = TOKEN.matcher(line);
                while (token.find()) {
                    tokens.merge(token.group(), 1, Integer::sum);
                }
                matcher = DEF.matcher(line.substring(1));
                if (matcher.find()) {
                    changedFunctions.computeIfAbsent(file, f -> new ArrayList<>())
                            .add(matcher.group(1) + "|" + matcher.group(2) + "|" + newLine);
                }
            } else if (line.startsWith("-")) {
                removed++;
            } else {
                newLine++;
            }
        }
        CRC32 checksum = new CRC32();
        StringBuilder test = new StringBuilder(512);
        for (Map.Entry<String, List<String>> entry : changedFunctions.entrySet()) {
            String module = entry.getKey().replace('/', '.').replace(".py", "");
            for (String function : entry.getValue()) {
                String[] parts = function.split("\\|");
                for (String scenario : SCENARIOS) {
                    test.setLength(0);
                    test.append("import pytest\n\nfrom ").append(module).append(" import Cart\n\n\n")
                            .append(String.format("def test_%s_%s():%n", parts[0], scenario))
                            .append("    cart = Cart()\n")
                            .append(String.format("    assert cart.%s(%s) == %d  # line %s%n", parts[0],
                                    scenario.equals("of_no_items_is_zero") ? "[]" : "[Item(price=2, quantity=3)]",
                                    scenario.equals("of_no_items_is_zero") ? 0 : 6, parts[2]));
                    for (String parameter : parts[1].split(",")) {
                        String name = parameter.trim();
                        if (!name.isEmpty() && !name.equals("self")) {
                            test.append("    # parameter ").append(name.toUpperCase())
                                    .append(" seen ").append(tokens.getOrDefault(name.split("=")[0], 0))
                                    .append(" times\n");
                        }
                    }
                    checksum.update(test.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return checksum.getValue() ^ ((long) added << 32) ^ removed ^ tokens.size();
    }
}
