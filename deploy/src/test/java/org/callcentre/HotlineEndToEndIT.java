package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.callcentre.stack.RealStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whole calls through real Asterisk, real Vosk and real Elasticsearch: a synthetic customer
 * phones the hotline, and what they said becomes searchable.
 */
@ExtendWith({RealStack.class, OutputCaptureExtension.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext  // each context binds the stack's one FastAGI port: close it for the next class
class HotlineEndToEndIT {

    private static final String SENTENCE = "I want to return my order, the parcel arrived damaged";
    private static final Duration CALL_TO_INDEX = Duration.ofSeconds(120);

    @DynamicPropertySource
    static void realStack(DynamicPropertyRegistry registry) {
        RealStack.properties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:e2e-" + UUID.randomUUID());
        registry.add("callcentre.recording.index.name", () -> "calls-e2e-" + UUID.randomUUID());
        registry.add("callcentre.ivr.test-call.enabled", () -> "true");
        String[][] users = {{"admin", "ADMIN"}, {"qa", "QA"}, {"agent1", "AGENT"}, {"agent2", "AGENT"}};
        for (int i = 0; i < users.length; i++) {
            int n = i;
            registry.add("callcentre.security.users[" + n + "].name", () -> users[n][0]);
            registry.add("callcentre.security.users[" + n + "].password", () -> "{noop}pw-" + users[n][0]);
            registry.add("callcentre.security.users[" + n + "].roles", () -> users[n][1]);
        }
    }

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void customerCallIsSearchableByWhatTheySaid() throws Exception {
        String callId = placeCall(SENTENCE, "3");

        JsonNode hit = await().atMost(CALL_TO_INDEX).pollInterval(Duration.ofSeconds(2))
                .until(() -> findCall("qa", "parcel damaged", callId), h -> h != null);

        assertThat(hit.path("menuChoice").asString()).isEqualTo("returns-exchanges-repairs");
        assertThat(hit.path("queue").asString()).isEqualTo("support");
        assertThat(hit.path("agent").asString()).isEqualTo("agent1");
        assertThat(hit.path("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(hit.path("recordingId").asString()).isNotBlank();
        assertThat(hit.path("transcript").asString()).contains("parcel");

        assertThat(findCall("agent1", "parcel damaged", callId)).as("the agent who took it").isNotNull();
        assertThat(findCall("agent2", "parcel damaged", callId)).as("another agent").isNull();
    }

    @Test
    void callerHangingUpMidMenuLeavesAJourneyAtThatNodeWithoutErrorNoise(CapturedOutput output) throws Exception {
        String callId = placeCall("", "");  // answers, listens, hangs up during the menu

        JsonNode journey = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> journey(callId), j -> j != null);

        assertThat(journey.path("outcome").asString()).isEqualTo("ABANDONED_IN_IVR");
        assertThat(journey.path("lastNode").asString()).isEqualTo("main-menu");
        List<String> events = journey.path("steps").valueStream().map(s -> s.path("event").asString()).toList();
        assertThat(events).last().isEqualTo("hangup");
        assertThat(output.getOut()).doesNotContain("AgiHangupException").doesNotContain(" ERROR ");
    }

    @Test
    void searchWithoutCredentialsIsUnauthorized() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url("/api/calls?q=parcel")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void malformedSearchIsABadRequestSayingWhy() throws Exception {
        HttpResponse<String> r = get("qa", "/api/calls?q=" + encode("parcel AND ("));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json.readTree(r.body()).path("detail").asString()).startsWith("bad search syntax");
    }

    @Test
    void onlyAdminsMayPlaceTestCalls() throws Exception {
        HttpResponse<String> r = http.send(authorized("qa", "/api/test-calls")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sentence\":\"hi\",\"key\":\"1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
    }

    private String placeCall(String sentence, String key) throws Exception {
        String body = json.writeValueAsString(Map.of("sentence", sentence, "key", key));
        HttpResponse<String> r = http.send(authorized("admin", "/api/test-calls")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json.readTree(r.body()).path("callId").asString();
    }

    private JsonNode findCall(String user, String query, String callId) throws Exception {
        HttpResponse<String> r = get(user, "/api/calls?q=" + encode(query));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).valueStream()
                .filter(hit -> hit.path("callId").asString().equals(callId)).findFirst().orElse(null);
    }

    private JsonNode journey(String callId) throws Exception {
        HttpResponse<String> r = get("admin", "/api/journeys/" + callId);
        return r.statusCode() == 200 ? json.readTree(r.body()) : null;
    }

    private HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return http.send(authorized(user, path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder authorized(String user, String path) {
        String basic = Base64.getEncoder().encodeToString((user + ":pw-" + user).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(url(path)).header("Authorization", "Basic " + basic);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
