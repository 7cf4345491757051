package io.greengate.platform.security;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line of the account list: {@code token <name> <roles> sha256:<hex>} for an API token, or
 * {@code user <name> <roles> bcrypt:<hash>} for a person who logs in. Roles are comma- or plus-separated.
 */
public record Account(Kind kind, String name, Set<String> roles, String secretHash) {

    public enum Kind { TOKEN, USER }

    public static Account parse(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 4) {
            throw new IllegalArgumentException("an account line has four fields: kind name roles hash");
        }
        Kind kind = Kind.valueOf(parts[0].toUpperCase());
        String prefix = kind == Kind.TOKEN ? "sha256:" : "bcrypt:";
        if (!parts[3].startsWith(prefix)) {
            throw new IllegalArgumentException(kind + " accounts store their secret as " + prefix + "...");
        }
        Set<String> roles = Arrays.stream(parts[2].split("[+,]")).map(String::trim)
                .filter(r -> !r.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new Account(kind, parts[1], roles, parts[3].substring(prefix.length()));
    }

    public String toLine() {
        return kind.name().toLowerCase() + " " + name + " " + String.join("+", roles) + " "
                + (kind == Kind.TOKEN ? "sha256:" : "bcrypt:") + secretHash;
    }
}
