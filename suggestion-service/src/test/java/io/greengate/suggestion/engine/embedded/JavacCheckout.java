package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.engine.SuggestedTest;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A checkout in a temporary folder: the main sources and the suggested tests written at their paths, compiled. */
public final class JavacCheckout {

    private JavacCheckout() {
    }

    /** Writes the sources (by path) and the tests, compiles them all with javac; the folder of the classes. */
    public static Path compile(Map<String, String> sources, List<SuggestedTest> tests) throws Exception {
        Path checkout = Files.createTempDirectory("checkout");
        Path classes = Files.createDirectories(checkout.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path")));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            arguments.add(write(checkout, source.getKey(), source.getValue()).toString());
        }
        for (SuggestedTest test : tests) {
            arguments.add(write(checkout, test.testPath(), test.code()).toString());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, errors, arguments.toArray(String[]::new)),
                errors.toString());
        return classes;
    }

    /** The JUnit class a suggested test file declares. */
    public static String className(SuggestedTest test) {
        return test.testPath().replace("src/test/java/", "").replace(".java", "").replace('/', '.');
    }

    private static Path write(Path checkout, String path, String content) throws Exception {
        Path file = checkout.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }
}
