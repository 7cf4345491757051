package io.greengate.suggestion.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** CI's report after running a suggested test in its own sandbox; the latest one counts. */
@Entity
public class Verification extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "suggestion_id")
    public UUID suggestionId;
    public boolean compiled;
    public boolean passed;
    public int runs;
    public boolean flaky;
    @Column(name = "coverage_delta")
    public Double coverageDelta;
    public String log;
    /** REVEALS_CHANGE, HOLDS or FAILS_ON_HEAD; null when CI ran the case on the head only. */
    public String verdict;
    @Column(name = "base_compiled")
    public Boolean baseCompiled;
    @Column(name = "base_passed")
    public Boolean basePassed;
    @Column(name = "base_outcome")
    public String baseOutcome;
    @Column(name = "head_outcome")
    public String headOutcome;
    /** Line numbers, comma-separated (see {@link #changedLinesCoveredList()}). */
    @Column(name = "changed_lines_covered")
    public String changedLinesCovered;
    @Column(name = "changed_lines_total")
    public Integer changedLinesTotal;
    @Column(name = "verify_seconds")
    public Double verifySeconds;
    @Column(name = "reported_by")
    public String reportedBy;
    @Column(name = "reported_at")
    public Instant reportedAt;

    public List<Integer> changedLinesCoveredList() {
        if (changedLinesCovered == null) {
            return null;
        }
        return changedLinesCovered.isEmpty() ? List.of()
                : Arrays.stream(changedLinesCovered.split(",")).map(Integer::valueOf).toList();
    }

    /** Sorted, each line once. */
    public void changedLinesCovered(List<Integer> lines) {
        changedLinesCovered = lines == null ? null
                : lines.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Covered of the executable changed lines, 0..1; null unless both are known (and some line changed). */
    public Double changedLineCoverage() {
        List<Integer> covered = changedLinesCoveredList();
        if (covered == null || changedLinesTotal == null || changedLinesTotal == 0) {
            return null;
        }
        return Math.min(1.0, covered.size() / (double) changedLinesTotal);
    }

    public static Optional<Verification> latestOf(UUID suggestionId) {
        return find("suggestionId = ?1 order by reportedAt desc", suggestionId).firstResultOptional();
    }
}
