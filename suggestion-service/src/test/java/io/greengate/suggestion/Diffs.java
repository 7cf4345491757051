package io.greengate.suggestion;

/** Realistic inputs for the tests: a Python change and a Java change, as git writes them. */
public final class Diffs {

    public static final String CART_PY = """
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
                \"\"\"Reads a price as the shop shows it.

                >>> parse_price(" $4.50 ")
                4.5
                >>> parse_price("12")
                12.0
                \"\"\"
                return float(text.strip().lstrip("$"))
            """;

    public static final String CART_PY_DIFF = newFile("src/cart.py", CART_PY);

    /** The diff git writes for a change of an existing file: its header, then the hunks as given. */
    public static String modified(String path, String hunks) {
        return "diff --git a/" + path + " b/" + path + "\nindex 1111111..2222222 100644\n--- a/" + path
                + "\n+++ b/" + path + "\n" + hunks;
    }

    /** The diff git writes for a file added with this content. */
    public static String newFile(String path, String content) {
        String[] lines = content.split("\n", -1);
        int count = content.endsWith("\n") ? lines.length - 1 : lines.length;
        StringBuilder diff = new StringBuilder("diff --git a/" + path + " b/" + path + "\n"
                + "new file mode 100644\nindex 0000000..3b18e51\n--- /dev/null\n+++ b/" + path + "\n"
                + "@@ -0,0 +1," + count + " @@\n");
        for (int i = 0; i < count; i++) {
            diff.append('+').append(lines[i]).append('\n');
        }
        return diff.toString();
    }

    public static final String PRICING_JAVA = """
            package com.acme.shop;

            import java.util.List;

            public class Pricing {

                public static long total(List<Long> cents, int percentOff) {
                    if (percentOff < 0 || percentOff > 100) {
                        throw new IllegalArgumentException("percentOff must be 0..100");
                    }
                    long sum = cents.stream().mapToLong(Long::longValue).sum();
                    return sum - sum * percentOff / 100;
                }

                public String label() {
                    return "pricing";
                }
            }
            """;

    public static final String PRICING_JAVA_DIFF = """
            diff --git a/src/main/java/com/acme/shop/Pricing.java b/src/main/java/com/acme/shop/Pricing.java
            index 1111111..2222222 100644
            --- a/src/main/java/com/acme/shop/Pricing.java
            +++ b/src/main/java/com/acme/shop/Pricing.java
            @@ -7,4 +7,7 @@ public class Pricing {
                 public static long total(List<Long> cents, int percentOff) {
            +        if (percentOff < 0 || percentOff > 100) {
            +            throw new IllegalArgumentException("percentOff must be 0..100");
            +        }
                     long sum = cents.stream().mapToLong(Long::longValue).sum();
                     return sum - sum * percentOff / 100;
                 }
            """;

    private Diffs() {
    }
}
