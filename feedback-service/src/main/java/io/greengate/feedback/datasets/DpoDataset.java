package io.greengate.feedback.datasets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greengate.feedback.store.Decision;
import io.greengate.feedback.store.FeedbackFilter;
import io.greengate.feedback.store.FeedbackRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Preference pairs from people's decisions: a modified suggestion prefers the human's version to the suggested
 * one; a rejected suggestion prefers the latest test a person accepted for the same symbol, when there is one.
 */
@ApplicationScoped
public class DpoDataset implements DatasetSource {

    /** {@code verdict}: CI's differential verdict of the suggested (rejected) side; left out when CI reported none. */
    public record Example(String prompt, String chosen, String rejected,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String verdict) {
    }

    private final ObjectMapper mapper;

    public DpoDataset(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public DatasetKind kind() {
        return DatasetKind.DPO;
    }

    @Override
    @Transactional
    public DatasetPage page(FeedbackFilter filter, FeedbackRecord.Cursor after, int size) {
        List<FeedbackRecord> records = FeedbackRecord.humanDecided(List.of(Decision.MODIFIED, Decision.REJECTED),
                filter, after, size);
        Map<String, Optional<FeedbackRecord>> acceptedBySymbol = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (FeedbackRecord record : records) {
            pairOf(record, acceptedBySymbol).ifPresent(example -> lines.add(json(example)));
        }
        return new DatasetPage(lines, records.size() < size ? null : records.get(records.size() - 1).cursor());
    }

    private static Optional<Example> pairOf(FeedbackRecord record, Map<String, Optional<FeedbackRecord>> cache) {
        String rejected = record.suggestedCode;
        if (rejected == null || rejected.isBlank()) {
            return Optional.empty();
        }
        String chosen;
        if (Decision.MODIFIED.name().equals(record.decision)) {
            chosen = record.finalCode;
        } else {
            String key = record.repository + '\u0000' + record.targetSymbol + '\u0000' + record.language;
            chosen = cache.computeIfAbsent(key, k -> FeedbackRecord.latestAcceptedFor(record.repository,
                            record.targetSymbol, record.language))
                    .map(FeedbackRecord::acceptedCode).orElse(null);
        }
        if (chosen == null || chosen.isBlank() || chosen.equals(rejected)) {
            return Optional.empty();
        }
        return Optional.of(new Example(TrainingPrompt.of(record), chosen, rejected, record.verdict));
    }

    private String json(Example example) {
        try {
            return mapper.writeValueAsString(example);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
