package io.greengate.feedback.datasets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greengate.feedback.FeedbackConfig;
import io.greengate.feedback.store.Decision;
import io.greengate.feedback.store.FeedbackFilter;
import io.greengate.feedback.store.FeedbackRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;

/** Tests people accepted, as they went in (modified ones in the human's version), as chat examples. */
@ApplicationScoped
public class SftDataset implements DatasetSource {

    public record Message(String role, String content) {
    }

    /**
     * {@code verdict}: CI's differential verdict of the suggestion (REVEALS_CHANGE, HOLDS, FAILS_ON_HEAD); left out
     * of the line when CI reported none, so such lines are TRL's plain chat format.
     */
    public record Example(List<Message> messages, @JsonInclude(JsonInclude.Include.NON_NULL) String verdict) {
    }

    private final ObjectMapper mapper;
    private final String systemPrompt;

    public SftDataset(ObjectMapper mapper, FeedbackConfig config) {
        this.mapper = mapper;
        this.systemPrompt = config.datasets().systemPrompt();
    }

    @Override
    public DatasetKind kind() {
        return DatasetKind.SFT;
    }

    @Override
    @Transactional
    public DatasetPage page(FeedbackFilter filter, FeedbackRecord.Cursor after, int size) {
        List<FeedbackRecord> records = FeedbackRecord.humanDecided(List.of(Decision.ACCEPTED, Decision.MODIFIED),
                filter, after, size);
        List<String> lines = new ArrayList<>(records.size());
        for (FeedbackRecord record : records) {
            String code = record.acceptedCode();
            if (code != null && !code.isBlank()) {
                lines.add(json(new Example(List.of(
                        new Message("system", systemPrompt),
                        new Message("user", TrainingPrompt.of(record)),
                        new Message("assistant", code)), record.verdict)));
            }
        }
        return new DatasetPage(lines, records.size() < size ? null : records.get(records.size() - 1).cursor());
    }

    private String json(Object example) {
        try {
            return mapper.writeValueAsString(example);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
