package io.greengate.platform.security;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "greengate.security")
public interface SecurityConfig {

    /** Account lines (see {@link Account}); secrets only as hashes. */
    Optional<List<String>> accounts();

    /** A file of account lines, re-read when it changes (written by {@code greengate token} / {@code user}). */
    Optional<Path> accountsFile();

    /** Where browsers go when they are not logged in (the reviewer UI sets it); unset: always 401. */
    Optional<String> loginPage();
}
