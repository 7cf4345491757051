package io.greengate.feedback.datasets;

import io.greengate.feedback.store.FeedbackRecord;

import java.util.StringJoiner;

/**
 * The user turn of a training example: the prompt the engine was given when suggestion-service sent it
 * (the llm engine), otherwise one built from the suggestion's target, so every example says what to test.
 */
public final class TrainingPrompt {

    private TrainingPrompt() {
    }

    public static String of(FeedbackRecord record) {
        if (record.prompt != null && !record.prompt.isBlank()) {
            return record.prompt;
        }
        StringJoiner prompt = new StringJoiner("\n");
        prompt.add("Write one complete, runnable " + orUnknown(record.framework) + " test file in "
                + orUnknown(record.language) + ".");
        prompt.add("Repository: " + orUnknown(record.repository));
        line(prompt, "File under test: ", record.targetFile);
        line(prompt, "Symbol under test: ", record.targetSymbol);
        line(prompt, "Case: ", record.caseKind);
        line(prompt, "Test file path: ", record.testPath);
        return prompt.toString();
    }

    private static void line(StringJoiner prompt, String label, String value) {
        if (value != null && !value.isBlank()) {
            prompt.add(label + value);
        }
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }
}
