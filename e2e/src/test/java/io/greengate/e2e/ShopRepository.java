package io.greengate.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A small real git repository of a Python shop, with two changes whose diffs CI sends to Greengate. */
final class ShopRepository {

    static final String CART_BEFORE = """
            class Cart:
                def __init__(self):
                    self.items = []

                def add(self, name, price, quantity=1):
                    self.items.append((name, price, quantity))
            """;
    static final String CART_AFTER = """
            class Cart:
                def __init__(self):
                    self.items = []

                def add(self, name, price, quantity=1):
                    if price < 0:
                        raise ValueError("price must not be negative")
                    self.items.append((name, price, quantity))

                def total(self, discount=0):
                    return sum(p * q for _, p, q in self.items) * (1 - discount)


            def parse_price(text):
                return float(text.strip().lstrip("$"))
            """;
    static final String EXISTING_TEST = """
            import sys
            import pathlib

            sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

            from src.cart import Cart


            def test_a_new_cart_is_empty():
                assert Cart().items == []
            """;
    static final String PRICING = """
            def apply_tax(amount, rate):
                return round(amount * (1 + rate), 2)
            """;

    final Path dir;
    final String cartCommit;
    final String pricingCommit;

    private ShopRepository(Path dir, String cartCommit, String pricingCommit) {
        this.dir = dir;
        this.cartCommit = cartCommit;
        this.pricingCommit = pricingCommit;
    }

    static ShopRepository create() throws Exception {
        Path dir = Files.createTempDirectory("shop");
        git(dir, "init", "-q");
        write(dir, "src/__init__.py", "");
        write(dir, "src/cart.py", CART_BEFORE);
        write(dir, "tests/test_cart.py", EXISTING_TEST);
        commit(dir, "a cart");
        write(dir, "src/cart.py", CART_AFTER);
        String cart = commit(dir, "cart totals and price parsing");
        write(dir, "src/pricing.py", PRICING);
        String pricing = commit(dir, "tax");
        return new ShopRepository(dir, cart, pricing);
    }

    String diffOf(String commit) throws Exception {
        return git(dir, "diff", commit + "~1", commit);
    }

    /** The changed files and the existing test files at that commit, as CI would send them. */
    List<Map<String, String>> filesAt(String commit) throws Exception {
        List<Map<String, String>> files = new ArrayList<>();
        for (String path : git(dir, "diff", "--name-only", commit + "~1", commit).split("\n")) {
            if (!path.isBlank()) {
                files.add(Map.of("path", path, "content", git(dir, "show", commit + ":" + path)));
            }
        }
        files.add(Map.of("path", "tests/test_cart.py", "content", git(dir, "show", commit + ":tests/test_cart.py")));
        return files;
    }

    void checkout(String commit) throws Exception {
        git(dir, "checkout", "-q", commit);
    }

    void apply(String patch) throws Exception {
        Path file = Files.createTempFile("greengate", ".diff");
        Files.writeString(file, patch);
        git(dir, "apply", "--check", file.toString());
        git(dir, "apply", file.toString());
    }

    String pytest() throws Exception {
        return run(dir, "python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests");
    }

    static void write(Path dir, String path, String content) throws IOException {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), content);
    }

    static String commit(Path dir, String message) throws Exception {
        git(dir, "add", "-A");
        git(dir, "-c", "user.name=Dev", "-c", "user.email=dev@example.invalid", "commit", "-q", "-m", message);
        return git(dir, "rev-parse", "HEAD").strip();
    }

    static String git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        return run(dir, command.toArray(String[]::new));
    }

    static String run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
