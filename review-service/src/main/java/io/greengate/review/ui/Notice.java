package io.greengate.review.ui;

import jakarta.ws.rs.core.MultivaluedMap;

import java.util.Locale;

/**
 * The one-line message a page shows after a redirect (post/redirect/get). It is chosen from a fixed set by the
 * {@code notice} (and {@code count}, {@code conflicts}) query parameters: nothing the URL carries is echoed.
 * {@code level} is success, warning or error.
 */
public record Notice(String level, String text) {

    static final String PARAMETER = "notice";

    /** The notice the query asks for, or null. */
    static Notice from(MultivaluedMap<String, String> query) {
        String code = query.getFirst(PARAMETER);
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "accepted", "modified", "rejected" -> success("Your decision is recorded: " + code
                    + ". The next pending review is open.");
            case "accepted-last", "modified-last", "rejected-last" -> success("Your decision is recorded: "
                    + code.substring(0, code.indexOf('-')) + ". Nothing else is pending in this queue.");
            case "conflict" -> new Notice("warning", "Someone else decided this review first, so your decision "
                    + "was not recorded. Its decision is shown below.");
            case "reason-missing" -> error("Choose a reason to reject (keys 1–6).");
            case "code-missing" -> error("The modified test is empty: write the test to keep, or accept as it is.");
            case "too-long" -> error("The comment or the modified test is too long.");
            case "unknown-decision" -> error("Choose accept, modify or reject.");
            case "nothing-selected" -> error("Select at least one pending review.");
            case "batch" -> batch(count(query, "count"), count(query, "conflicts"), query.getFirst("decision"));
            default -> null;
        };
    }

    private static Notice batch(int decided, int conflicts, String decision) {
        String verb = "rejected".equals(decision) ? "rejected" : "accepted";
        String text = decided + (decided == 1 ? " review " : " reviews ") + verb + ".";
        if (conflicts > 0) {
            text += " " + conflicts + (conflicts == 1 ? " was" : " were")
                    + " already decided by someone else and kept that decision.";
            return new Notice("warning", text);
        }
        return success(text);
    }

    private static int count(MultivaluedMap<String, String> query, String name) {
        try {
            return Math.max(0, Integer.parseInt(query.getFirst(name)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Notice success(String text) {
        return new Notice("success", text);
    }

    private static Notice error(String text) {
        return new Notice("error", text);
    }

    /** The notice code after a decision: {@code accepted}, or {@code accepted-last} when nothing is left. */
    static String afterDecision(String status, boolean last) {
        return status.toLowerCase(Locale.ROOT) + (last ? "-last" : "");
    }

    /** ARIA role: errors and warnings interrupt, successes are polite. */
    public String role() {
        return "success".equals(level) ? "status" : "alert";
    }
}
