package io.greengate.platform.metering;

import io.greengate.platform.events.UsageMeasured;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole-process SERVICE usage is measured at the RAPL rate metered work gets. */
class ServiceUsageRaplTest {

    /** Keeps what would go to the outbox; the attribution, not the outbox, is under test here. */
    static final class Kept extends UsageRecorder {
        final List<CpuUsage> usages = new ArrayList<>();

        Kept() {
            super(null, new SimpleMeterRegistry(), "review-service", Optional.empty());
        }

        @Override
        public UsageMeasured record(Subject subject, CpuUsage usage, Yield yield) {
            usages.add(usage);
            return null;
        }
    }

    @AfterEach
    void meterWithoutRapl() {
        CpuMeter.useRaplRate(Double.NaN);
    }

    @Test
    void serviceUsageIsMeasuredAtTheSameJoulesPerCpuSecondAsMeteredWork() {
        Kept kept = new Kept();
        ServiceUsageReporter reporter = new ServiceUsageReporter(kept, "review-service");

        burn();
        reporter.report(); // not measured here: CPU time only
        CpuMeter.useRaplRate(12.5);
        burn();
        reporter.report();

        assertEquals(2, kept.usages.size());
        assertNull(kept.usages.get(0).raplJoules());
        CpuUsage measured = kept.usages.get(1);
        assertEquals(12.5 * measured.cpuSeconds(), measured.raplJoules(), 1e-9);
    }

    private static void burn() {
        double x = 0;
        for (int i = 0; i < 5_000_000; i++) {
            x += Math.sqrt(i);
        }
        assertTrue(x > 0);
    }
}
