package io.greengate.platform.metering;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RAPL readings and their attribution, on a powercap folder and a /proc/stat laid out as Linux lays them out
 * (this machine exposes no RAPL counters, so the test writes the files the kernel would).
 */
class RaplCounterTest {

    @TempDir
    Path root;

    @AfterEach
    void meterWithoutRapl() {
        CpuMeter.useRaplRate(Double.NaN);
    }

    @Test
    void packageCountersAreReadWithoutTheirSubZonesWithTheMachinesBusyTime() throws Exception {
        write("powercap/intel-rapl:0/energy_uj", "123456\n");
        write("powercap/intel-rapl:0/max_energy_range_uj", "262143328850\n");
        write("powercap/intel-rapl:0:0/energy_uj", "1000\n");
        write("powercap/intel-rapl:1/energy_uj", "10\n");
        procStat(1000, 50, 500, 900);

        RaplCounter.Reading reading = counter().read().orElseThrow();

        assertEquals(List.of(123456L, 10L), reading.microjoules());
        assertEquals(List.of(262143328850L, Long.MAX_VALUE), reading.rangesMicrojoules());
        // user + nice + system + irq + softirq + steal, in USER_HZ ticks of 1/100 s; idle and iowait left out
        assertEquals((1000 + 50 + 500 + 7 + 8 + 9) / 100.0, reading.busyCpuSeconds(), 1e-9);
    }

    @Test
    void noCountersMeanNoReading() throws Exception {
        procStat(1, 1, 1, 1);
        assertTrue(counter().read().isEmpty(), "no powercap folder");
        Files.createDirectories(root.resolve("powercap/intel-rapl:0"));
        assertTrue(counter().read().isEmpty(), "a zone without a readable counter");
    }

    @Test
    void aCounterThatWrappedCountsFromItsRange() {
        var before = new RaplCounter.Reading(List.of(999_000_000L), List.of(1_000_000_000L), 10);
        var after = new RaplCounter.Reading(List.of(1_000_000L), List.of(1_000_000_000L), 12);
        assertEquals(2.0, RaplCounter.joulesBetween(before, after), 1e-9);
    }

    @Test
    void theSamplerKeepsJoulesPerBusyCpuSecondAndTheMeterUsesIt() throws Exception {
        write("powercap/intel-rapl:0/energy_uj", "5000000\n");
        procStat(1000, 0, 0, 0);
        assertNull(CpuMeter.measure(RaplCounterTest::burn).usage().raplJoules(), "no RAPL measured: no joules");

        RaplMetering metering = new RaplMetering(root.resolve("powercap"), root.resolve("stat"), Duration.ofHours(1));
        metering.sample();
        // meanwhile the package used 20 J while the machine was busy 2 CPU seconds: 10 J per CPU second
        write("powercap/intel-rapl:0/energy_uj", "25000000\n");
        procStat(1200, 0, 0, 0);
        metering.sample();
        CpuUsage usage = CpuMeter.measure(RaplCounterTest::burn).usage();

        assertTrue(usage.cpuSeconds() > 0);
        assertEquals(10.0 * usage.cpuSeconds(), usage.raplJoules(), 1e-9);
    }

    @Test
    void anIntervalWithoutBusyTimeKeepsTheLastRate() throws Exception {
        write("powercap/intel-rapl:0/energy_uj", "0\n");
        procStat(1000, 0, 0, 0);
        RaplMetering metering = new RaplMetering(root.resolve("powercap"), root.resolve("stat"), Duration.ofHours(1));
        metering.sample();
        write("powercap/intel-rapl:0/energy_uj", "3000000\n");
        procStat(1100, 0, 0, 0);
        metering.sample(); // 3 J per CPU second
        write("powercap/intel-rapl:0/energy_uj", "4000000\n");
        metering.sample(); // no busy tick meanwhile: no new rate

        assertEquals(6.0, CpuMeter.raplJoules(2.0), 1e-9);
    }

    private RaplCounter counter() {
        return new RaplCounter(root.resolve("powercap"), root.resolve("stat"));
    }

    private void procStat(long user, long nice, long system, long idle) {
        write("stat", "cpu  " + user + " " + nice + " " + system + " " + idle + " 5 7 8 9 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n");
    }

    private void write(String path, String content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double burn() {
        double x = 0;
        for (int i = 0; i < 3_000_000; i++) {
            x += Math.sqrt(i);
        }
        return x;
    }
}
