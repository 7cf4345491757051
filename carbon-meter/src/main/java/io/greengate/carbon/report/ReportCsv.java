package io.greengate.carbon.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A report's rows as RFC 4180 CSV, one header line, numbers in plain decimal notation, empty for null. */
public final class ReportCsv {

    static final List<String> HEADER = List.of("key", "count", "cpuSeconds", "energyJoules", "co2eGrams",
            "embodiedGrams", "acceptedTests", "energyPerAcceptedTestJoules", "co2ePerAcceptedTestGrams",
            "sciPerAcceptedTest", "suggestions", "sciPerSuggestion", "builds", "sciPerBuild", "decided",
            "acceptanceRate");

    private ReportCsv() {
    }

    public static String of(SustainabilityReport report) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        for (ReportRow row : report.rows()) {
            csv.append(Stream.of(text(row.key()), String.valueOf(row.count()), number(row.cpuSeconds()),
                            number(row.energyJoules()), number(row.co2eGrams()), number(row.embodiedGrams()),
                            String.valueOf(row.acceptedTests()), number(row.energyPerAcceptedTestJoules()),
                            number(row.co2ePerAcceptedTestGrams()), number(row.sciPerAcceptedTest()),
                            String.valueOf(row.suggestions()), number(row.sciPerSuggestion()),
                            String.valueOf(row.builds()), number(row.sciPerBuild()),
                            String.valueOf(row.decided()), number(row.acceptanceRate()))
                    .collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    private static String number(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Quotes when needed; a leading = + - @ is escaped so that a spreadsheet does not run it as a formula. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
