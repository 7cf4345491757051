package io.greengate.review.insights;

import io.greengate.review.store.ReviewStatistics.DailyAcceptance;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Acceptance rate per day and group (engine or repository) over a period, for a line chart and its table. A day
 * without decisions in a group has no rate (null), not 0. Only the {@value #MAX_SERIES} groups with the most
 * decisions get a line, so the chart stays readable.
 */
public record AcceptanceChart(List<LocalDate> days, List<Series> series) {

    static final int MAX_SERIES = 6;

    /** One group's line: kept / decided per day. */
    public record Series(String name, List<Double> rates, List<Long> decided, long totalDecided, long totalKept) {
    }

    /** One table row: a day with decisions, and each series' "kept of decided" that day. */
    public record Row(LocalDate day, List<String> cells) {
    }

    public static AcceptanceChart of(List<DailyAcceptance> decisions, LocalDate from, LocalDate to) {
        List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int i = 0; i < days.size(); i++) {
            index.put(days.get(i), i);
        }
        Map<String, long[][]> byGroup = new LinkedHashMap<>();
        for (DailyAcceptance d : decisions) {
            Integer at = index.get(d.day());
            if (at != null) {
                long[][] counts = byGroup.computeIfAbsent(d.group(), g -> new long[days.size()][2]);
                counts[at][0] += d.decided();
                counts[at][1] += d.kept();
            }
        }
        List<Series> series = new ArrayList<>();
        byGroup.forEach((group, counts) -> {
            List<Double> rates = new ArrayList<>();
            List<Long> decided = new ArrayList<>();
            long total = 0;
            long kept = 0;
            for (long[] day : counts) {
                rates.add(day[0] == 0 ? null : (double) day[1] / day[0]);
                decided.add(day[0]);
                total += day[0];
                kept += day[1];
            }
            series.add(new Series(group, rates, decided, total, kept));
        });
        series.sort(Comparator.comparingLong(Series::totalDecided).reversed().thenComparing(Series::name));
        return new AcceptanceChart(days, List.copyOf(series.subList(0, Math.min(MAX_SERIES, series.size()))));
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    /** What the chart script reads: x in epoch seconds (UTC midnight), one array of rates per series. */
    public Map<String, Object> plot() {
        Map<String, Object> plot = new LinkedHashMap<>();
        plot.put("x", days.stream().map(d -> d.atStartOfDay(ZoneOffset.UTC).toEpochSecond()).toList());
        plot.put("series", series.stream().map(s -> Map.of("name", s.name(), "values", s.rates())).toList());
        return plot;
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            int day = i;
            if (series.stream().anyMatch(s -> s.decided().get(day) > 0)) {
                rows.add(new Row(days.get(i), series.stream().map(s -> s.decided().get(day) == 0 ? ""
                        : Math.round(s.rates().get(day) * s.decided().get(day)) + " of " + s.decided().get(day))
                        .toList()));
            }
        }
        return rows;
    }
}
