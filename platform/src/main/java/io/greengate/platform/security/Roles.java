package io.greengate.platform.security;

/** The three roles of the suite. */
public final class Roles {
    public static final String CI = "ci";
    public static final String REVIEWER = "reviewer";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
