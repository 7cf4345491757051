package io.greengate.feedback;

import io.greengate.infra.TestAccounts;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** The HTTP calls tests make again and again. */
public final class Api {

    /** Decimals as doubles: rest-assured reads them as floats by default, and 6/11 is not 0.54545456. */
    public static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    private Api() {
    }

    /** The feedback record of a suggestion, or null while it does not exist. */
    public static JsonPath record(UUID suggestionId) {
        Response response = given().auth().oauth2(TestAccounts.ADMIN_TOKEN)
                .when().get("/api/v1/feedback/records/" + suggestionId);
        return response.statusCode() == 200 ? response.jsonPath().using(DOUBLES) : null;
    }

    public static boolean decided(UUID suggestionId) {
        JsonPath record = record(suggestionId);
        return record != null && record.getString("decision.decision") != null;
    }

    public static JsonPath stats(String repository) {
        return given().auth().oauth2(TestAccounts.CI_TOKEN).queryParam("repository", repository)
                .when().get("/api/v1/feedback/stats")
                .then().statusCode(200).extract().jsonPath().using(DOUBLES);
    }

    public static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the first Prometheus sample of {@code name} whose labels contain every given label. */
    public static Double metric(String metrics, String name, String... labels) {
        Matcher line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        while (line.find()) {
            boolean all = true;
            for (String label : labels) {
                all &= line.group(1).contains(label);
            }
            if (all) {
                return Double.parseDouble(line.group(2));
            }
        }
        return null;
    }
}
