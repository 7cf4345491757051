package io.greengate.feedback.datasets;

import io.greengate.feedback.store.FeedbackFilter;
import io.greengate.feedback.store.FeedbackRecord;

/** Turns feedback records into the lines of one dataset kind, a page (one transaction) at a time. */
public interface DatasetSource {

    DatasetKind kind();

    /** The lines of up to {@code size} records after {@code after} (null: from the start). */
    DatasetPage page(FeedbackFilter filter, FeedbackRecord.Cursor after, int size);
}
