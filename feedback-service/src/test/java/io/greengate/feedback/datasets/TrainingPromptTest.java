package io.greengate.feedback.datasets;

import io.greengate.feedback.store.FeedbackRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingPromptTest {

    @Test
    void theEnginesOwnPromptIsKept() {
        FeedbackRecord record = new FeedbackRecord();
        record.prompt = "Write a test for Cart.total";
        record.targetSymbol = "ignored";
        assertEquals("Write a test for Cart.total", TrainingPrompt.of(record));
    }

    @Test
    void withoutOneThePromptNamesTheTarget() {
        FeedbackRecord record = new FeedbackRecord();
        record.repository = "github.com/acme/shop";
        record.targetFile = "src/cart.py";
        record.targetSymbol = "Cart.total";
        record.language = "python";
        record.framework = "pytest";
        String prompt = TrainingPrompt.of(record);
        assertTrue(prompt.startsWith("Write one complete, runnable pytest test file in python."));
        assertTrue(prompt.contains("Repository: github.com/acme/shop"));
        assertTrue(prompt.contains("File under test: src/cart.py"));
        assertTrue(prompt.contains("Symbol under test: Cart.total"));
        assertFalse(prompt.contains("Case:"), "unknown parts are left out");
    }
}
