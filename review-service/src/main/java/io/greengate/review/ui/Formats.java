package io.greengate.review.ui;

import io.quarkus.qute.TemplateExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages print numbers, times and code languages: {@code {fmt:percent(r.confidence)}}; null-safe. */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    private static final String NONE = "—";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    static String percent(Double fraction) {
        return fraction == null ? NONE : Math.round(fraction * 100) + "\u00a0%";
    }

    /** For a meter's value attribute: the fraction in [0, 1]. */
    static String fraction(Double fraction) {
        return fraction == null ? "0" : String.format(Locale.ROOT, "%.2f", Math.max(0, Math.min(1, fraction)));
    }

    static String hours(Double hours) {
        return hours == null ? "–" : String.format(Locale.ROOT, "%.1f h", hours);
    }

    static String sha(String commit) {
        return commit == null ? NONE : commit.length() > 10 ? commit.substring(0, 10) : commit;
    }

    static String joules(Double joules) {
        if (joules == null) {
            return NONE;
        }
        return joules >= 1000 ? String.format(Locale.ROOT, "%.2f\u00a0kJ", joules / 1000)
                : String.format(Locale.ROOT, "%.2f\u00a0J", joules);
    }

    static String grams(Double grams) {
        if (grams == null) {
            return NONE;
        }
        return grams >= 1 ? String.format(Locale.ROOT, "%.2f\u00a0g\u00a0CO2e", grams)
                : String.format(Locale.ROOT, "%.2f\u00a0mg\u00a0CO2e", grams * 1000);
    }

    /** A coverage delta in percentage points, signed. */
    static String coverage(Double delta) {
        return delta == null ? NONE : String.format(Locale.ROOT, "%+.1f\u00a0pp", delta);
    }

    static String yesNo(Boolean value) {
        return value == null ? NONE : value ? "yes" : "no";
    }

    static String number(Integer value) {
        return value == null ? NONE : value.toString();
    }

    static String text(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    /** A duration in seconds, in the largest unit that keeps it readable. */
    static String duration(Double seconds) {
        if (seconds == null) {
            return NONE;
        }
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 5400) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    static String timestamp(Instant instant) {
        return instant == null ? NONE : TIMESTAMP.format(instant);
    }

    static String ago(Instant instant) {
        if (instant == null) {
            return NONE;
        }
        long seconds = Math.max(0, Duration.between(instant, Instant.now()).toSeconds());
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h ago";
        }
        return seconds / 86_400 + " d ago";
    }

    /** The Prism grammar of a review's language (Prism ships python and java here); "none" otherwise. */
    static String grammar(String language) {
        if (language == null) {
            return "none";
        }
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "python" -> "python";
            case "java" -> "java";
            default -> "none";
        };
    }

    /** CI's verification status in words. */
    static String verification(String status) {
        if (status == null) {
            return "not verified yet";
        }
        return switch (status) {
            case "VERIFIED" -> "verified";
            case "VERIFICATION_FAILED" -> "verification failed";
            default -> "not verified yet";
        };
    }

    /** CI's differential verdict in words, for the review page. */
    static String verdict(String verdict) {
        if (verdict == null) {
            return "";
        }
        return switch (verdict) {
            case "REVEALS_CHANGE" -> "Reveals the change: fails before it, passes after it";
            case "HOLDS" -> "Holds on both sides: a regression pin";
            case "FAILS_ON_HEAD" -> "Fails on the change itself: it does not pass after it";
            default -> "";
        };
    }

    /** CI's differential verdict as a badge, for lists. */
    static String verdictBadge(String verdict) {
        if (verdict == null) {
            return "";
        }
        return switch (verdict) {
            case "REVEALS_CHANGE" -> "reveals change";
            case "HOLDS" -> "holds";
            case "FAILS_ON_HEAD" -> "fails on head";
            default -> "";
        };
    }

    /** "covers 3 of 7 changed lines"; empty when CI did not measure the changed lines. */
    static String changedLines(Integer covered, Integer total) {
        if (total == null) {
            return "";
        }
        return "covers " + (covered == null ? 0 : covered) + " of " + total + " changed line" + (total == 1 ? "" : "s");
    }

    /** A URL query parameter value. */
    static String url(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
