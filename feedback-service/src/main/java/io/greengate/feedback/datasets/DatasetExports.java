package io.greengate.feedback.datasets;

import io.greengate.feedback.FeedbackConfig;
import io.greengate.feedback.store.DatasetExport;
import io.greengate.feedback.store.FeedbackFilter;
import io.greengate.feedback.store.FeedbackRecord;
import io.greengate.platform.metering.CpuMeter;
import io.greengate.platform.metering.CpuUsage;
import io.greengate.platform.metering.UsageRecorder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Streams a dataset page by page (one short transaction per page, never the whole set in memory) and records
 * the export: STREAMING when it starts, then COMPLETED with the sha256 and size of the bytes sent, or FAILED.
 */
@ApplicationScoped
public class DatasetExports {

    private static final Logger LOG = Logger.getLogger(DatasetExports.class);

    private final UsageRecorder usage;
    private final int pageSize;

    public DatasetExports(UsageRecorder usage, FeedbackConfig config) {
        this.usage = usage;
        this.pageSize = config.datasets().pageSize();
    }

    @Transactional
    public DatasetExport start(DatasetKind kind, FeedbackFilter filter, String requestedBy) {
        DatasetExport export = new DatasetExport();
        export.id = UUID.randomUUID();
        export.kind = kind.name();
        export.repository = filter.repository();
        export.from = filter.from();
        export.to = filter.to();
        export.status = DatasetExport.Status.STREAMING.name();
        export.requestedBy = requestedBy;
        export.startedAt = Instant.now();
        export.persist();
        return export;
    }

    public StreamingOutput stream(UUID exportId, DatasetSource source, FeedbackFilter filter) {
        return output -> write(exportId, source, filter, output);
    }

    private void write(UUID exportId, DatasetSource source, FeedbackFilter filter, OutputStream output)
            throws IOException {
        MeasuredOutputStream measured = new MeasuredOutputStream(output);
        Writer writer = new BufferedWriter(new OutputStreamWriter(measured, StandardCharsets.UTF_8));
        try {
            CpuMeter.Measured<Long> written = CpuMeter.measure(() -> writeAll(source, filter, writer));
            writer.flush();
            complete(exportId, written.result(), measured.size(), measured.sha256(), written.usage());
        } catch (UncheckedIOException e) {
            fail(exportId, e.getCause());
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            fail(exportId, e);
            throw e;
        }
    }

    private long writeAll(DatasetSource source, FeedbackFilter filter, Writer writer) {
        long count = 0;
        FeedbackRecord.Cursor after = null;
        try {
            do {
                DatasetPage page = source.page(filter, after, pageSize);
                for (String line : page.lines()) {
                    writer.write(line);
                    writer.write('\n');
                }
                count += page.lines().size();
                after = page.last();
            } while (after != null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    private void complete(UUID exportId, long records, long size, String sha256, CpuUsage cpu) {
        QuarkusTransaction.requiringNew().run(() -> {
            DatasetExport export = DatasetExport.findById(exportId);
            export.status = DatasetExport.Status.COMPLETED.name();
            export.recordCount = records;
            export.sizeBytes = size;
            export.sha256 = sha256;
            export.finishedAt = Instant.now();
            usage.record(new UsageRecorder.Subject("REQUEST", "dataset_export", exportId.toString(),
                    export.repository, null, null), cpu, UsageRecorder.Yield.NONE);
        });
    }

    private void fail(UUID exportId, Exception cause) {
        LOG.warnf("dataset export %s failed: %s", exportId, cause.toString());
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                DatasetExport export = DatasetExport.findById(exportId);
                export.status = DatasetExport.Status.FAILED.name();
                export.failure = String.valueOf(cause.getMessage());
                export.finishedAt = Instant.now();
            });
        } catch (RuntimeException e) {
            LOG.warnf("dataset export %s could not be marked FAILED: %s", exportId, e.getMessage());
        }
    }
}
