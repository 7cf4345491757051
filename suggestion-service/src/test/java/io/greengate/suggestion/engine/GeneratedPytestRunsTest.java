package io.greengate.suggestion.engine;

import io.greengate.infra.TestAccounts;
import io.greengate.suggestion.Diffs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded engine's files run as they are: written into a checkout and run with the real pytest. */
@QuarkusTest
class GeneratedPytestRunsTest {

    @Test
    void everySuggestedPytestFilePassesOnTheChangedCode() throws Exception {
        JsonPath batch = given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("repository", "github.com/acme/shop", "commit", "abcdef1234", "diff", Diffs.CART_PY_DIFF))
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().jsonPath();
        Path checkout = Files.createTempDirectory("checkout");
        Files.createDirectories(checkout.resolve("src"));
        Files.writeString(checkout.resolve("src/cart.py"), Diffs.CART_PY);
        List<Map<String, Object>> suggestions = batch.getList("suggestions");
        for (Map<String, Object> suggestion : suggestions) {
            Path file = checkout.resolve((String) suggestion.get("testPath"));
            Files.createDirectories(file.getParent());
            Files.writeString(file, (String) suggestion.get("code"));
        }
        Process pytest = new ProcessBuilder("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests")
                .directory(checkout.toFile()).redirectErrorStream(true).start();
        assertTrue(pytest.waitFor(120, TimeUnit.SECONDS));
        String output = new String(pytest.getInputStream().readAllBytes());
        assertEquals(0, pytest.exitValue(), output);
        assertTrue(output.contains(suggestions.size() + " passed"), output);
    }
}
