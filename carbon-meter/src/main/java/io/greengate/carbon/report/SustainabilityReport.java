package io.greengate.carbon.report;

import java.time.Instant;
import java.util.List;

/**
 * Energy, emissions and accepted tests of a period ({@code from} inclusive, {@code to} exclusive; null = open),
 * grouped by {@code groupBy}, with the period's total.
 */
public record SustainabilityReport(Instant from, Instant to, String groupBy, List<ReportRow> rows, ReportRow total) {
}
