package io.greengate.carbon.estimate;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Says whether this machine exposes Intel RAPL energy counters ({@code intel-rapl*}/energy_uj under the powercap
 * root) that this process may read. RAPL counts a whole CPU package, not a process, so records reported by other
 * services are always estimated with the model; RAPL is only ever named as a method for a reading taken here.
 */
@ApplicationScoped
public class RaplProbe {

    private static final Logger LOG = Logger.getLogger(RaplProbe.class);

    private final Path root;

    public RaplProbe(CarbonConfig config) {
        this.root = config.raplRoot();
    }

    void logAtStartup(@Observes StartupEvent event) {
        LOG.infof("Intel RAPL energy counters %s under %s", available() ? "readable" : "not readable", root);
    }

    public boolean available() {
        return readMicrojoules().isPresent();
    }

    /** The summed energy counters of all RAPL packages, in microjoules, when every one of them is readable. */
    public OptionalLong readMicrojoules() {
        if (!Files.isDirectory(root)) {
            return OptionalLong.empty();
        }
        long total = 0;
        int zones = 0;
        try (DirectoryStream<Path> packages = Files.newDirectoryStream(root, "intel-rapl:*")) {
            for (Path zone : packages) {
                if (isSubZone(zone)) {
                    continue; // intel-rapl:0:0 (core, uncore, dram) is already inside package intel-rapl:0
                }
                total += Long.parseLong(Files.readString(zone.resolve("energy_uj")).trim());
                zones++;
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            return OptionalLong.empty();
        }
        return zones == 0 ? OptionalLong.empty() : OptionalLong.of(total);
    }

    private static boolean isSubZone(Path zone) {
        return zone.getFileName().toString().chars().filter(c -> c == ':').count() > 1;
    }
}
