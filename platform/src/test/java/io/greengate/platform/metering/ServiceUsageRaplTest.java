package io.greengate.platform.metering;

import io.greengate.platform.events.UsageMeasured;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole-process SERVICE usage gets its share of the package energy between two reports, like metered work. */
class ServiceUsageRaplTest {

    @TempDir
    Path powercap;

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
        CpuMeter.useRapl(null);
    }

    @Test
    void theStartUpIsModelledAndEachLaterReportGetsItsShareOfTheMeasuredEnergy() throws Exception {
        Path counter = powercap.resolve("intel-rapl:0/energy_uj");
        Files.createDirectories(counter.getParent());
        Files.writeString(counter, "1000000\n");
        RaplMetering rapl = new RaplMetering(powercap);
        rapl.onStart(null);
        Kept kept = new Kept();
        ServiceUsageReporter reporter = new ServiceUsageReporter(kept, rapl, "review-service");

        burn();
        reporter.report();
        Files.writeString(counter, "21000000\n"); // 20 J later
        burn();
        reporter.report();

        assertEquals(2, kept.usages.size());
        assertNull(kept.usages.get(0).raplJoules(), "nothing was read before the start-up");
        double joules = kept.usages.get(1).raplJoules();
        assertTrue(joules > 0 && joules <= 20.0, "a share of the 20 J: " + joules);
    }

    private static void burn() {
        double x = 0;
        for (int i = 0; i < 5_000_000; i++) {
            x += Math.sqrt(i);
        }
        assertTrue(x > 0);
    }
}
