package io.greengate.carbon.estimate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RAPL is reported only when the kernel's counters can actually be read; the layout is the kernel's powercap. */
class RaplProbeTest {

    private static RaplProbe probeAt(Path root) {
        return new RaplProbe(Coefficients.with(Map.of("greengate.carbon.rapl-root", root.toString())));
    }

    @Test
    void readablePackageCountersAreSummedWithoutTheirSubZones(@TempDir Path root) throws Exception {
        write(root.resolve("intel-rapl:0/energy_uj"), "123456\n");
        write(root.resolve("intel-rapl:0:0/energy_uj"), "1000\n");
        write(root.resolve("intel-rapl:1/energy_uj"), "10\n");

        RaplProbe probe = probeAt(root);

        assertTrue(probe.available());
        assertEquals(123466, probe.readMicrojoules().orElseThrow());
    }

    @Test
    void noPowercapDirectoryMeansNoRapl(@TempDir Path root) {
        assertFalse(probeAt(root.resolve("missing")).available());
    }

    @Test
    void aZoneWithoutAReadableCounterMeansNoRapl(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("intel-rapl:0"));

        assertFalse(probeAt(root).available());
    }

    @Test
    void anEmptyPowercapDirectoryMeansNoRapl(@TempDir Path root) {
        assertFalse(probeAt(root).available());
    }

    private static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
