package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.callcentre.ivr.ami.AmiConnection;
import org.callcentre.stack.RealStack;
import org.callcentre.stack.RealStackTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import tools.jackson.databind.JsonNode;

/**
 * Whole calls through real Asterisk, real Vosk and real Elasticsearch: a synthetic customer
 * phones the hotline, and what they said becomes searchable. The server's health reports each of
 * these components to admins, and goes DOWN naming Elasticsearch while it is stopped.
 */
class HotlineEndToEndIT extends RealStackTest {

    private static final String SENTENCE = "I want to return my order, the parcel arrived damaged";
    private static final Duration CALL_TO_INDEX = Duration.ofSeconds(120);
    /** The health components of the server's own dependencies and work. */
    private static final List<String> COMPONENTS = List.of("ami", "fastAgi", "elasticsearch", "db", "recordingStore",
            "pipeline");

    @Autowired
    AmiConnection ami;

    @Test
    void customerCallIsSearchableByWhatTheySaid() throws Exception {
        List<ManagerEvent> amiEvents = new CopyOnWriteArrayList<>();
        ami.onEvent(amiEvents::add);
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
        assertThat(amiEvents).as("the queue's events reach the server").hasAtLeastOneElementOfType(
                QueueCallerJoinEvent.class);
        assertThat(amiEvents).as("but not every channel's (AMI class 'call' is not taken by default)")
                .noneMatch(e -> e.getPrivilege() != null && e.getPrivilege().startsWith("call"));
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
    void malformedSearchIsABadRequestSayingWhatIsWrongAndWhere() throws Exception {
        for (String path : List.of("/api/calls", "/api/utterances")) {
            HttpResponse<String> r = get("qa", path + "?q=" + encode("parcel \"arrived damaged"));
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json.readTree(r.body());
            assertThat(problem.path("detail").asString()).isEqualTo("the quote opened at character 8 is never closed");
            assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString() + ": "
                    + e.path("reason").asString()))
                    .containsExactly("q: the quote opened at character 8 is never closed");
            assertThat(problem.path("position").asInt()).isEqualTo(8);
        }
        JsonNode limit = json.readTree(get("qa", "/api/calls?q=parcel&limit=0").body());
        assertThat(limit.path("errors").valueStream().map(e -> e.path("field").asString())).containsExactly("limit");
        assertThat(get("qa", "/api/utterances?q=" + encode("followup:true speaker:customer")).statusCode())
                .as("utterance search takes the call's fields").isEqualTo(200);
    }

    @Test
    void healthShowsAdminsEveryComponentWithDetailsAndOthersOnlyTheOverallStatus() throws Exception {
        JsonNode health = awaitHealth("UP");   // the AMI login runs in the background

        for (String component : COMPONENTS) {
            assertThat(health.path("components").path(component).path("status").asString()).as(component)
                    .isEqualTo("UP");
        }
        JsonNode components = health.path("components");
        assertThat(components.path("elasticsearch").path("details").path("clusterStatus").asString())
                .isIn("green", "yellow");
        assertThat(components.path("fastAgi").path("details").path("address").asString())
                .endsWith(":" + RealStack.properties().get("callcentre.ivr.fastagi.port"));
        assertThat(components.path("pipeline").path("details").has("waiting")).isTrue();
        assertThat(components.path("pipeline").path("details").has("oldestWait")).isTrue();

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(url("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(json.readTree(anonymous.body()).path("status").asString()).isEqualTo("UP");
        assertThat(json.readTree(anonymous.body()).has("components")).as(anonymous.body()).isFalse();
        assertThat(json.readTree(get("qa", "/actuator/health").body()).has("components")).as("not an admin").isFalse();
    }

    @Test
    void healthGoesDownNamingElasticsearchWhileItIsStoppedAndUpAgainOnceItIsBack() throws Exception {
        awaitHealth("UP");
        RealStack.stopElasticsearch();
        try {
            HttpResponse<String> down = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> get("admin", "/actuator/health"), r -> r.statusCode() == 503);
            JsonNode components = json.readTree(down.body()).path("components");
            assertThat(json.readTree(down.body()).path("status").asString()).isEqualTo("DOWN");
            assertThat(components.path("elasticsearch").path("status").asString()).isEqualTo("DOWN");
            assertThat(components.path("elasticsearch").path("details").path("error").asString())
                    .startsWith("Elasticsearch unreachable");
            for (String other : List.of("ami", "fastAgi", "db", "recordingStore")) {
                assertThat(components.path(other).path("status").asString()).as(other).isEqualTo("UP");
            }
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(url("/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(503);
            assertThat(anonymous.body()).doesNotContain("elasticsearch").doesNotContain("components");
        } finally {
            RealStack.startElasticsearch();
        }
        awaitHealth("UP");   // later tests find Elasticsearch as they expect it
    }

    /** The health as an admin sees it, once its overall status is {@code status}. */
    private JsonNode awaitHealth(String status) {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> json.readTree(get("admin", "/actuator/health").body()),
                        h -> h.path("status").asString().equals(status));
    }

    @Test
    void onlyAdminsMayPlaceTestCalls() throws Exception {
        HttpResponse<String> r = post("qa", "/api/test-calls", Map.of("sentence", "hi", "key", "1"));
        assertThat(r.statusCode()).isEqualTo(403);
    }
}
