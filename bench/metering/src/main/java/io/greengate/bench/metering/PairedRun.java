package io.greengate.bench.metering;

import io.greengate.platform.metering.CpuMeter;

import java.util.Arrays;
import java.util.Locale;

/**
 * Bare and metered runs of the same work interleaved in one loop (ABBA order), so that whatever else the machine
 * does hits both alike. Prints a Markdown table: per diff size, the trimmed mean of each and the overhead.
 * Usage: {@code PairedRun [seconds per size]}.
 */
public final class PairedRun {

    private static volatile long sink;

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        System.out.println("| diff lines | pairs | bare (µs, trimmed mean) | metered (µs, trimmed mean) | overhead "
                + "| median of per-pair overhead |");
        System.out.println("|---|---|---|---|---|---|");
        for (int lines : new int[] {200, 2000, 10000}) {
            String diff = DiffWorkload.diff(lines, 7);
            // warm-up: both paths compiled before anything is counted
            long warmUpEnd = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < warmUpEnd) {
                sink += DiffWorkload.analyseAndGenerate(diff);
                sink += CpuMeter.measure(() -> DiffWorkload.analyseAndGenerate(diff)).result();
            }
            long[] bare = new long[1 << 20];
            long[] metered = new long[1 << 20];
            int pairs = 0;
            long end = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < end && pairs < bare.length) {
                boolean bareFirst = (pairs & 1) == 0;
                long a = bareFirst ? timeBare(diff) : timeMetered(diff);
                long b = bareFirst ? timeMetered(diff) : timeBare(diff);
                bare[pairs] = bareFirst ? a : b;
                metered[pairs] = bareFirst ? b : a;
                pairs++;
            }
            double[] perPair = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                perPair[i] = (double) (metered[i] - bare[i]) / bare[i];
            }
            Arrays.sort(perPair);
            double bareMean = trimmedMean(Arrays.copyOf(bare, pairs));
            double meteredMean = trimmedMean(Arrays.copyOf(metered, pairs));
            System.out.println(String.format(Locale.ROOT, "| %d | %d | %.1f | %.1f | %+.3f %% | %+.3f %% |", lines, pairs,
                    bareMean / 1e3, meteredMean / 1e3, 100 * (meteredMean - bareMean) / bareMean,
                    100 * perPair[pairs / 2]));
        }
    }

    private static long timeBare(String diff) {
        long start = System.nanoTime();
        sink += DiffWorkload.analyseAndGenerate(diff);
        return System.nanoTime() - start;
    }

    private static long timeMetered(String diff) {
        long start = System.nanoTime();
        sink += CpuMeter.measure(() -> DiffWorkload.analyseAndGenerate(diff)).result();
        return System.nanoTime() - start;
    }

    /** The mean without the slowest and fastest 10 %: preemptions by other processes are not the meter's cost. */
    private static double trimmedMean(long[] values) {
        Arrays.sort(values);
        int cut = values.length / 10;
        double sum = 0;
        for (int i = cut; i < values.length - cut; i++) {
            sum += values[i];
        }
        return sum / (values.length - 2 * cut);
    }
}
