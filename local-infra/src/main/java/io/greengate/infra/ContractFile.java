package io.greengate.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * A contract committed under {@code docs/} (an OpenAPI document, an event's JSON Schema) and the check that what the
 * code produces now is still that file. JSON is compared parsed: key order and formatting do not matter, values do.
 * <p>
 * With {@code -Dgreengate.contracts.write=true} (or {@code GREENGATE_CONTRACTS_WRITE=true}) the check writes the
 * produced document over the committed file instead of comparing, so a deliberate contract change is: change the
 * code, rerun the drift test with the switch, review the file's diff, commit both.
 */
public final class ContractFile {

    public static final String WRITE_SWITCH = "greengate.contracts.write";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DIFFERENCES = 25;

    private ContractFile() {
    }

    /** True when the drift tests should rewrite the committed files rather than compare with them. */
    public static boolean writing() {
        return Boolean.parseBoolean(System.getProperty(WRITE_SWITCH, System.getenv("GREENGATE_CONTRACTS_WRITE")));
    }

    /** The repository's root: the nearest folder up from the working directory that holds the launcher and docs/. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("greengate")) && Files.isDirectory(d.resolve("docs"))) {
                return d;
            }
        }
        throw new IllegalStateException("no repository root (a folder with ./greengate and docs/) above " + dir);
    }

    /**
     * Compares {@code actualJson} with the committed file {@code relativePath} (from the repository root), or writes it
     * there when {@link #writing()}. Throws an {@link AssertionError} naming the differences and the command that
     * regenerates the file.
     *
     * @param regenerate the command that rewrites the file, for the failure message
     */
    public static void check(String relativePath, String actualJson, String regenerate) {
        Path file = repositoryRoot().resolve(relativePath);
        JsonNode actual = parse(actualJson, "the produced document");
        if (writing()) {
            write(file, actual);
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(relativePath + " is missing. Generate it with:\n  " + regenerate);
        }
        JsonNode committed;
        try {
            committed = parse(Files.readString(file, StandardCharsets.UTF_8), relativePath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (committed.equals(actual)) {
            return;
        }
        List<String> differences = new ArrayList<>();
        differences(committed, actual, "", differences);
        StringBuilder message = new StringBuilder()
                .append(relativePath).append(" no longer matches what the code produces (")
                .append(differences.size() >= MAX_DIFFERENCES ? "first " : "").append(differences.size())
                .append(" difference(s), committed → now):\n");
        differences.forEach(d -> message.append("  ").append(d).append('\n'));
        message.append("If the change is intended, regenerate the file and commit it with the code:\n  ").append(regenerate);
        throw new AssertionError(message.toString());
    }

    /** The JSON as committed: two-space indentation, one array element per line, a final newline. */
    public static String format(JsonNode node) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, JsonNode node) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, format(node), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json, String what) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError(what + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void differences(JsonNode committed, JsonNode actual, String pointer, List<String> out) {
        if (out.size() >= MAX_DIFFERENCES || committed.equals(actual)) {
            return;
        }
        if (committed.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name)) {
                    out.add(child + ": added");
                } else if (!actual.has(name)) {
                    out.add(child + ": removed");
                } else {
                    differences(committed.get(name), actual.get(name), child, out);
                }
                if (out.size() >= MAX_DIFFERENCES) {
                    return;
                }
            }
        } else if (committed.isArray() && actual.isArray() && committed.size() == actual.size()) {
            Iterator<JsonNode> a = actual.elements();
            int i = 0;
            for (JsonNode c : committed) {
                differences(c, a.next(), pointer + "/" + i++, out);
            }
        } else {
            out.add((pointer.isEmpty() ? "/" : pointer) + ": " + abbreviate(committed) + " → " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
