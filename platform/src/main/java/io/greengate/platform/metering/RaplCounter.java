package io.greengate.platform.metering;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Intel RAPL package energy counters as Linux exposes them under the powercap root ({@code intel-rapl:N/energy_uj},
 * wrapping at {@code max_energy_range_uj}), and the machine's busy CPU time from {@code /proc/stat}: between two
 * readings, the packages' joules per busy CPU second, the rate each piece of work's CPU time is measured at (as
 * Kepler and Scaphandre attribute package energy). The packages are listed once; a reading is then one small file
 * per package and the first line of {@code /proc/stat}.
 */
public final class RaplCounter {

    /** Clock ticks per second of {@code /proc/stat} (USER_HZ), 100 on every Linux architecture Java runs on. */
    private static final double USER_HZ = 100;

    private final Path root;
    private final Path procStat;
    /** The packages' counter files and ranges, found by the first reading that succeeds. */
    private volatile Zones zones;

    private record Zones(List<Path> counters, List<Long> rangesMicrojoules) {
    }

    public RaplCounter(Path root, Path procStat) {
        this.root = root;
        this.procStat = procStat;
    }

    /** A reading of every package counter, and the machine's busy CPU seconds at the same moment. */
    public record Reading(List<Long> microjoules, List<Long> rangesMicrojoules, double busyCpuSeconds) {
    }

    /** Empty when a counter or {@code /proc/stat} cannot be read (no RAPL, no permission): the model applies. */
    public Optional<Reading> read() {
        try {
            Zones found = zones != null ? zones : findZones();
            if (found == null) {
                return Optional.empty();
            }
            List<Long> energy = new ArrayList<>(found.counters().size());
            for (Path counter : found.counters()) {
                energy.add(Long.parseLong(Files.readString(counter).trim()));
            }
            zones = found;
            return Optional.of(new Reading(energy, found.rangesMicrojoules(), busyCpuSeconds()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Zones findZones() throws IOException {
        if (!Files.isDirectory(root)) {
            return null;
        }
        List<Path> packages = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(root, "intel-rapl:*")) {
            for (Path zone : all) {
                // intel-rapl:0:0 (core, uncore, dram) is already inside package intel-rapl:0
                if (zone.getFileName().toString().chars().filter(c -> c == ':').count() == 1) {
                    packages.add(zone);
                }
            }
        }
        if (packages.isEmpty()) {
            return null;
        }
        packages.sort(null);
        List<Path> counters = new ArrayList<>(packages.size());
        List<Long> ranges = new ArrayList<>(packages.size());
        for (Path zone : packages) {
            counters.add(zone.resolve("energy_uj"));
            Path range = zone.resolve("max_energy_range_uj");
            ranges.add(Files.isReadable(range) ? Long.parseLong(Files.readString(range).trim()) : Long.MAX_VALUE);
        }
        return new Zones(List.copyOf(counters), List.copyOf(ranges));
    }

    /** The machine's CPU time not idle (user, nice, system, irq, softirq, steal) since boot, in seconds. */
    private double busyCpuSeconds() throws IOException {
        String first;
        try (BufferedReader reader = Files.newBufferedReader(procStat)) {
            first = reader.readLine();
        }
        String[] fields = first.trim().split("\\s+");
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += i < fields.length ? Long.parseLong(fields[i]) : 0;
        }
        return busy / USER_HZ;
    }

    /** Joules the packages used between two readings; a counter that wrapped around counts from its range. */
    public static double joulesBetween(Reading before, Reading after) {
        long microjoules = 0;
        for (int i = 0; i < Math.min(before.microjoules().size(), after.microjoules().size()); i++) {
            long delta = after.microjoules().get(i) - before.microjoules().get(i);
            microjoules += delta >= 0 ? delta : delta + after.rangesMicrojoules().get(i);
        }
        return microjoules / 1e6;
    }
}
