package io.greengate.carbon;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/** JSON numbers read as doubles: joules and grams are checked to more digits than a float holds. */
public final class Json {

    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    private Json() {
    }

    public static void readNumbersAsDoubles() {
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    public static JsonPath parse(String json) {
        return JsonPath.from(json).using(DOUBLES);
    }
}
