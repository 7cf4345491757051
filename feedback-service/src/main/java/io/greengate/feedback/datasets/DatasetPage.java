package io.greengate.feedback.datasets;

import io.greengate.feedback.store.FeedbackRecord;

import java.util.List;

/** The JSON lines made from one page of records; {@code last} is where the next page starts, null at the end. */
public record DatasetPage(List<String> lines, FeedbackRecord.Cursor last) {
}
