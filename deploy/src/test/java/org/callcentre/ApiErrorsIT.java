package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.callcentre.stack.RealStackTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Every 400 of the API is a problem detail (RFC 9457) in one shape: {@code detail} says why in a
 * sentence, {@code errors} lists each {@code {field, reason}}; never Spring's or Tomcat's own page.
 */
class ApiErrorsIT extends RealStackTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a key that is not a menu key   | {"key":"x"}                          | key           | one menu key
            a caller number of two digits  | {"keys":"3","callerNumber":"12"}     | callerNumber  | 3 to 15 digits
            a flow name with spaces        | {"keys":"3","flow":"no such flow!"}  | flow          | flow name
            both key and keys              | {"key":"3","keys":"3"}               | keyOrKeys     | either key or keys
            seconds that are not a number  | {"keys":"3","inbandSeconds":"abc"}   | inbandSeconds | 'abc' is not a whole number
            """)
    void aTestCallWithBadInputNamesTheFieldAndTheReason(String what, String body, String field, String reason)
            throws Exception {
        JsonNode problem = badRequest(send("POST", "admin", "/api/test-calls", body));

        assertThat(error(problem).path("field").asString()).isEqualTo(field);
        assertThat(error(problem).path("reason").asString()).contains(reason);
        assertThat(problem.path("detail").asString()).contains(field).contains(reason);
    }

    @Test
    void aTestCallWithASentenceTooLongToSpeakNamesTheSentence() throws Exception {
        JsonNode problem = badRequest(post("admin", "/api/test-calls", Map.of("key", "3", "sentence", "a".repeat(401))));

        assertThat(error(problem).path("field").asString()).isEqualTo("sentence");
        assertThat(error(problem).path("reason").asString()).contains("400");
    }

    @Test
    void aBodyThatIsNotJsonSaysWhereItBreaks() throws Exception {
        JsonNode problem = badRequest(send("POST", "admin", "/api/test-calls", "{\"key\": "));

        assertThat(error(problem).path("reason").asString()).contains("not valid JSON at line 1");
    }

    @Test
    void aWrapUpWithAMalformedBusinessTypeNamesTheBusinessType() throws Exception {
        JsonNode problem = badRequest(put("agent1", "/api/journeys/any-call/disposition",
                Map.of("businessType", "Complaint Logistics", "resolved", true, "followUp", false)));

        assertThat(error(problem).path("field").asString()).isEqualTo("businessType");
        assertThat(error(problem).path("reason").asString()).contains("lower-case words joined by '-'");
    }

    @Test
    void aLimitThatIsNotANumberNamesTheLimit() throws Exception {
        JsonNode problem = badRequest(get("qa", "/api/calls?q=parcel&limit=abc"));

        assertThat(error(problem).path("field").asString()).isEqualTo("limit");
        assertThat(error(problem).path("reason").asString()).isEqualTo("'abc' is not a whole number");
    }

    @Test
    void aTenKilobyteQueryIsRefusedAsAProblemNotTomcatsPage() throws Exception {
        JsonNode problem = badRequest(get("qa", "/api/calls?q=" + "parcel+".repeat(1500)));

        assertThat(error(problem).path("field").asString()).isEqualTo("q");
        assertThat(error(problem).path("reason").asString()).contains("longer than 1000 characters");
    }

    @Test
    void noCredentialsAndAForbiddenRoleAreProblemsToo() throws Exception {
        HttpResponse<String> anonymous = send("GET", null, "/api/calls?q=parcel", null);
        HttpResponse<String> agent = get("agent1", "/api/floor");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h ->
                assertThat(h).startsWith("Basic"));
        assertThat(json.readTree(anonymous.body()).path("status").asInt()).isEqualTo(401);
        assertThat(agent.statusCode()).isEqualTo(403);
        assertThat(agent.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(agent.body()).path("detail").asString()).isEqualTo("Your role may not do this.");
    }

    private JsonNode badRequest(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(r.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
        assertThat(problem.path("errors").isArray()).as(r.body()).isTrue();
        return problem;
    }

    private static JsonNode error(JsonNode problem) {
        return problem.path("errors").path(0);
    }
}
