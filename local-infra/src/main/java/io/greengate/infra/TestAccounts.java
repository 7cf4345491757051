package io.greengate.infra;

import io.quarkus.elytron.security.common.BcryptUtil;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The accounts every test run knows: one API token per role and one reviewer who logs in. */
public final class TestAccounts {

    public static final String CI_TOKEN = "ggt_test_ci_3b9f0c1d2e";
    public static final String ADMIN_TOKEN = "ggt_test_admin_8a7c6b5d4e";
    public static final String REVIEWER_TOKEN = "ggt_test_reviewer_1f2e3d4c5b";
    public static final String REVIEWER = "alice";
    public static final String REVIEWER_PASSWORD = "alice-reviews-tests";
    public static final String SECOND_REVIEWER = "bob";
    public static final String SECOND_REVIEWER_PASSWORD = "bob-reviews-tests";

    private TestAccounts() {
    }

    /** Account lines in the format of {@code greengate.security.accounts}. */
    public static List<String> accountLines() {
        return List.of(
                "token ci-test ci sha256:" + sha256(CI_TOKEN),
                "token admin-test admin sha256:" + sha256(ADMIN_TOKEN),
                "token reviewer-bot reviewer sha256:" + sha256(REVIEWER_TOKEN),
                "user " + REVIEWER + " reviewer bcrypt:" + BcryptUtil.bcryptHash(REVIEWER_PASSWORD, 4),
                "user " + SECOND_REVIEWER + " reviewer bcrypt:" + BcryptUtil.bcryptHash(SECOND_REVIEWER_PASSWORD, 4));
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
