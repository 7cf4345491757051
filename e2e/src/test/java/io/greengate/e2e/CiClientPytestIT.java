package io.greengate.e2e;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
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
        Process process = pytest.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains(" passed") && !output.contains("failed"), output);
    }
}
