package io.greengate.suggestion.policy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Realistic secrets, as they show up in diffs, never survive redaction; ordinary code does. */
class SecretRedactorTest {

    private static void assertGone(String input, String secret) {
        String redacted = SecretRedactor.redact(input);
        assertFalse(redacted.contains(secret), redacted);
        assertTrue(redacted.contains("REDACTED"), redacted);
    }

    @Test
    void cloudAndServiceTokens() {
        assertGone("aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE");
        assertGone("token: ghp_16C7e42F292c6912E7710c838347Ae178B4a", "ghp_16C7e42F292c6912E7710c838347Ae178B4a");
        assertGone("SLACK=xoxb-123456789012-abcdefghijkl", "xoxb-123456789012-abcdefghijkl");
        assertGone("OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwx", "sk-proj-abcdefghijklmnopqrstuvwx");
        assertGone("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N",
                "eyJzdWIiOiIxMjM0NTY3ODkwIn0");
    }

    @Test
    void passwordsInCodeConfigAndConnectionStrings() {
        assertGone("+    password = \"hunter2-prod\"", "hunter2-prod");
        assertGone("+  \"apiKey\": \"3f9a1c77e0b24d5e\",", "3f9a1c77e0b24d5e");
        assertGone("DATABASE_URL=postgres://app:s3cr3tP4ss@db.internal:5432/shop", "s3cr3tP4ss");
        assertGone("Server=db;Database=shop;User Id=app;Password=Pa55w0rd!;", "Pa55w0rd!");
        assertGone("spring.datasource.password=changeme123", "changeme123");
    }

    @Test
    void privateKeys() {
        String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx4bY\n-----END RSA PRIVATE KEY-----";
        assertGone("+" + key, "MIIEowIBAAKCAQEAx4bY");
    }

    @Test
    void ordinaryCodeIsLeftAsItIs() {
        String code = "def total(self, discount=0):\n    return sum(p * q for _, p, q in self.items)\n";
        assertEquals(code, SecretRedactor.redact(code));
    }
}
