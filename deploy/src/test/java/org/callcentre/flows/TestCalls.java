package org.callcentre.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Places synthetic calls through the server's API and fetches their journeys, as an admin. */
final class TestCalls {

    static final String ADMIN = "admin";
    static final String PASSWORD = "{noop}pw-admin";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;

    TestCalls(int port) {
        this.port = port;
    }

    /**
     * The real stack's properties, a fresh in-memory database and index named after the test,
     * test calls enabled and one admin user.
     */
    static void registerStack(DynamicPropertyRegistry registry, String name) {
        RealStack.properties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + "-" + UUID.randomUUID());
        registry.add("callcentre.recording.index.name", () -> "calls-" + name + "-" + UUID.randomUUID());
        registry.add("callcentre.ivr.test-call.enabled", () -> "true");
        registry.add("callcentre.security.users[0].name", () -> ADMIN);
        registry.add("callcentre.security.users[0].password", () -> PASSWORD);
        registry.add("callcentre.security.users[0].roles", () -> "ADMIN");
    }

    /** POST /api/test-calls with the given request fields; returns the call id. */
    String place(Map<String, String> request) throws Exception {
        HttpResponse<String> r = http.send(authorized("/api/test-calls").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json.readTree(r.body()).path("callId").asString();
    }

    /** Waits for the call to end and returns its journey (GET /api/journeys/{callId}). */
    JsonNode journeyOf(String callId, Duration atMost) {
        return await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> journey(callId), j -> j != null);
    }

    static List<String> events(JsonNode journey, String event) {
        return journey.path("steps").valueStream().filter(s -> s.path("event").asString().equals(event))
                .map(s -> s.path("detail").asString()).toList();
    }

    static List<String> nodes(JsonNode journey) {
        return journey.path("steps").valueStream().filter(s -> s.path("event").asString().equals("entered"))
                .map(s -> s.path("node").asString()).toList();
    }

    private JsonNode journey(String callId) throws Exception {
        HttpResponse<String> r = http.send(authorized("/api/journeys/" + callId).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? json.readTree(r.body()) : null;
    }

    private HttpRequest.Builder authorized(String path) {
        String basic = Base64.getEncoder().encodeToString((ADMIN + ":pw-admin").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + basic);
    }
}
