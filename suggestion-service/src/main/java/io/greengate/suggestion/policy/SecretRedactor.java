package io.greengate.suggestion.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes secrets from everything Greengate sends to a model server: keys, tokens, passwords, credentials in URLs. */
public final class SecretRedactor {

    public static final String MARK = "[REDACTED]";

    private static final Map<Pattern, String> RULES = new LinkedHashMap<>();

    static {
        RULES.put(Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"),
                "[REDACTED PRIVATE KEY]");
        RULES.put(Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), MARK);
        RULES.put(Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,}\\b|\\bgithub_pat_[A-Za-z0-9_]{22,}\\b"), MARK);
        RULES.put(Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}\\b"), MARK);
        RULES.put(Pattern.compile("\\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}\\b"), MARK);
        RULES.put(Pattern.compile("\\bggt_[A-Za-z0-9_-]{16,}\\b"), MARK);
        RULES.put(Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\b"), MARK);
        // scheme://user:password@host → scheme://[REDACTED]@host
        RULES.put(Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)[^/\\s:@]+:[^/\\s@]+@"), "$1" + MARK + "@");
        // password=..., "apiKey": "...", secret: '...'
        RULES.put(Pattern.compile("(?i)((?:password|passwd|pwd|secret|api[_-]?key|apikey|access[_-]?key|auth[_-]?token"
                + "|client[_-]?secret|private[_-]?key|token)[\"']?\\s*[:=]\\s*)([\"'])[^\"'\\n]{3,}\\2"), "$1$2" + MARK + "$2");
        RULES.put(Pattern.compile("(?i)((?:password|passwd|pwd|secret|api[_-]?key|access[_-]?key|client[_-]?secret)"
                + "\\s*[:=]\\s*)(?![\"'\\[])[^\\s;,]{3,}"), "$1" + MARK);
        // JDBC/ODBC style: ...;Password=...;
        RULES.put(Pattern.compile("(?i)((?:^|;)\\s*(?:password|pwd)\\s*=)[^;\\n]+"), "$1" + MARK);
    }

    private SecretRedactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Map.Entry<Pattern, String> rule : RULES.entrySet()) {
            Matcher matcher = rule.getKey().matcher(result);
            result = matcher.replaceAll(rule.getValue());
        }
        return result;
    }
}
