package io.greengate.platform.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Looks up API tokens (by their SHA-256) and reviewers (bcrypt) in the configured accounts. */
@ApplicationScoped
public class AccountStore {

    private static final Logger LOG = Logger.getLogger(AccountStore.class);

    private final List<Account> configured;
    private final Optional<Path> file;
    private volatile List<Account> fromFile = List.of();
    private volatile FileTime fileVersion;

    public AccountStore(SecurityConfig config) {
        this.configured = config.accounts().orElse(List.of()).stream()
                .filter(line -> !line.isBlank()).map(Account::parse).toList();
        this.file = config.accountsFile();
    }

    public Optional<Account> findByToken(String token) {
        String hash = sha256(token);
        return all().stream()
                .filter(a -> a.kind() == Account.Kind.TOKEN)
                .filter(a -> MessageDigest.isEqual(a.secretHash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)))
                .findFirst();
    }

    public Optional<Account> findByPassword(String user, String password) {
        return all().stream()
                .filter(a -> a.kind() == Account.Kind.USER && a.name().equals(user))
                .filter(a -> BcryptUtil.matches(password, a.secretHash()))
                .findFirst();
    }

    /** A person by name, for a session that logged in earlier (form login keeps only the name). */
    public Optional<Account> findUser(String user) {
        return all().stream().filter(a -> a.kind() == Account.Kind.USER && a.name().equals(user)).findFirst();
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Account> all() {
        List<Account> accounts = new ArrayList<>(configured);
        accounts.addAll(reloadFileIfChanged());
        return accounts;
    }

    private List<Account> reloadFileIfChanged() {
        if (file.isEmpty() || !Files.exists(file.get())) {
            return List.of();
        }
        try {
            FileTime modified = Files.getLastModifiedTime(file.get());
            if (!modified.equals(fileVersion)) {
                fromFile = Files.readAllLines(file.get()).stream()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .map(Account::parse).toList();
                fileVersion = modified;
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("accounts file %s unreadable, keeping the previous accounts: %s", file.get(), e.getMessage());
        }
        return fromFile;
    }
}
