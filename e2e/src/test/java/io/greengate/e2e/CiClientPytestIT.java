package io.greengate.e2e;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CI client's own tests (client/tests: real git repositories, a real pytest) run with the build. */
class CiClientPytestIT {

    @Test
    void theClientsOwnTestsPass() throws Exception {
        Path root = Path.of(System.getProperty("greengate.root", "..")).toAbsolutePath().normalize();
        ProcessBuilder pytest = new ProcessBuilder("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                "client/tests").directory(root.toFile()).redirectErrorStream(true);
        pytest.environment().put("PYTHONDONTWRITEBYTECODE", "1"); // nothing written into the source tree
        // JUnit's console launcher from the test class path: the observed-outcome tests run real JUnit cases
        String console = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("junit-platform-console-standalone")).findFirst()
                .orElseThrow(() -> new AssertionError("junit-platform-console-standalone is not on the class path"));
        pytest.environment().put("GREENGATE_JUNIT_CONSOLE", console);
        Process process = pytest.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains(" passed") && !output.contains("failed") && !output.contains("skipped"), output);
    }
}
