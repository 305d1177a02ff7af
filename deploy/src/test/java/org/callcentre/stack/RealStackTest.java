package org.callcentre.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.callcentre.recording.CallSearch;
import org.callcentre.recording.SearchQuery;
import org.callcentre.recording.UtteranceHit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the integration tests against the real stack: a server configured from the stack
 * instance's properties, closed after each test class (the FastAGI port can be bound once), with
 * one user per role: admin, qa, supervisor, agent1, agent2 (password
 * "pw-" + name).
 */
@ExtendWith({RealStack.class, OutputCaptureExtension.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // the stack has one FastAGI port: each class's server must let go of it for the next
public abstract class RealStackTest {

    @DynamicPropertySource
    static void realStack(DynamicPropertyRegistry registry) {
        RealStack.properties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:e2e-" + UUID.randomUUID());
        registry.add("callcentre.recording.index.name", () -> "calls-e2e-" + UUID.randomUUID());
        registry.add("callcentre.ivr.test-call.enabled", () -> "true");
        users(registry, new String[][] {{"admin", "ADMIN"}, {"qa", "QA"}, {"supervisor", "SUPERVISOR"},
            {"agent1", "AGENT"}, {"agent2", "AGENT"}});
    }

    /** Test users, each {name, role}, with the password "pw-" + name. */
    public static void users(DynamicPropertyRegistry registry, String[][] users) {
        for (int i = 0; i < users.length; i++) {
            int n = i;
            registry.add("callcentre.security.users[" + n + "].name", () -> users[n][0]);
            registry.add("callcentre.security.users[" + n + "].password", () -> "{noop}pw-" + users[n][0]);
            registry.add("callcentre.security.users[" + n + "].roles", () -> users[n][1]);
        }
    }

    /** The call's utterances that match a search (as CallSearch sees them: no user scoping). */
    public static List<UtteranceHit> utterances(CallSearch search, String query, String callId) {
        return search.searchUtterances(new SearchQuery(query, Optional.empty(), 50)).stream()
                .filter(u -> u.callId().equals(callId)).toList();
    }

    @Value("${local.server.port}")
    protected int port;

    protected final HttpClient http = HttpClient.newHttpClient();
    protected final JsonMapper json = JsonMapper.builder().build();

    /** Places a synthetic call (POST /api/test-calls as admin); returns its call id. */
    protected String placeCall(String sentence, String key) throws Exception {
        HttpResponse<String> r = post("admin", "/api/test-calls", Map.of("sentence", sentence, "key", key));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json.readTree(r.body()).path("callId").asString();
    }

    /** The call's journey, or null while the call is still going on. */
    protected JsonNode journey(String callId) throws Exception {
        HttpResponse<String> r = get("admin", "/api/journeys/" + callId);
        return r.statusCode() == 200 ? json.readTree(r.body()) : null;
    }

    /** The call among the hits of a search as that user, or null while it is not (yet) found. */
    protected JsonNode findCall(String user, String query, String callId) throws Exception {
        HttpResponse<String> r = get(user, "/api/calls?q=" + encode(query));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).valueStream()
                .filter(hit -> hit.path("callId").asString().equals(callId)).findFirst().orElse(null);
    }

    /** The live floor, as a supervisor sees it (GET /api/floor). */
    protected JsonNode floor() throws Exception {
        return json.readTree(get("supervisor", "/api/floor").body());
    }

    protected JsonNode supportQueue() throws Exception {
        return floor().path("queues").valueStream().filter(q -> q.path("queue").asString().equals("support"))
                .findFirst().orElse(json.createObjectNode());
    }

    protected JsonNode agent(String id) throws Exception {
        return floor().path("agents").valueStream().filter(a -> a.path("agent").asString().equals(id))
                .findFirst().orElse(json.createObjectNode());
    }

    /** The agent's status on the floor; LOGGED_OUT when the floor does not list them. */
    protected String status(String id) throws Exception {
        String s = agent(id).path("status").asString();
        return s.isEmpty() ? "LOGGED_OUT" : s;
    }

    protected HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return http.send(authorized(user, path).build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> post(String user, String path, Object body) throws IOException,
            InterruptedException {
        return http.send(authorized(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> put(String user, String path, Object body) throws IOException,
            InterruptedException {
        return send("PUT", user, path, json.writeValueAsString(body));
    }

    /** Any request with a JSON body (or none: null), as {@code user} or, with user null, anonymous. */
    protected HttpResponse<String> send(String method, String user, String path, String jsonBody)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = user == null ? HttpRequest.newBuilder(url(path)) : authorized(user, path);
        request.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpRequest.Builder authorized(String user, String path) {
        String basic = Base64.getEncoder().encodeToString((user + ":pw-" + user).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(url(path)).header("Authorization", "Basic " + basic);
    }

    protected URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
