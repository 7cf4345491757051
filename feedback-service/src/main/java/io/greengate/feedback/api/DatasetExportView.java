package io.greengate.feedback.api;

import io.greengate.feedback.store.DatasetExport;

import java.time.Instant;
import java.util.UUID;

/** A recorded dataset download; {@code sha256} and {@code sizeBytes} describe exactly the bytes sent. */
public record DatasetExportView(UUID id, String kind, String repository, Instant from, Instant to, String status,
                                Long recordCount, Long sizeBytes, String sha256, String failure, String requestedBy,
                                Instant startedAt, Instant finishedAt) {

    static DatasetExportView of(DatasetExport e) {
        return new DatasetExportView(e.id, e.kind, e.repository, e.from, e.to, e.status, e.recordCount, e.sizeBytes,
                e.sha256, e.failure, e.requestedBy, e.startedAt, e.finishedAt);
    }
}
