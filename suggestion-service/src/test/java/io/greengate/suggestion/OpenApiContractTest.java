package io.greengate.suggestion;

import io.greengate.infra.ContractFile;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/**
 * The HTTP contract of suggestion-service is the committed {@code docs/openapi/suggestion-service.json}: what the running service serves at
 * {@code /q/openapi} must be that document. An intended API change regenerates it (then review its diff and commit it):
 * {@value #REGENERATE}
 */
@QuarkusTest
class OpenApiContractTest {

    static final String REGENERATE = "mvn -q -B -o verify -pl suggestion-service -am -Dtest=OpenApiContractTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dgreengate.contracts.write=true";

    @Test
    void servedOpenApiIsTheCommittedDocument() {
        String served = given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .extract().asString();
        ContractFile.check("docs/openapi/suggestion-service.json", served, REGENERATE);
    }
}
