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
import org.callcentre.stack.RealStackTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import tools.jackson.databind.JsonNode;

/**
 * Whole calls through real Asterisk, real Vosk and real Elasticsearch: a synthetic customer
 * phones the hotline, and what they said becomes searchable.
 */
class HotlineEndToEndIT extends RealStackTest {

    private static final String SENTENCE = "I want to return my order, the parcel arrived damaged";
    private static final Duration CALL_TO_INDEX = Duration.ofSeconds(120);

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
    void onlyAdminsMayPlaceTestCalls() throws Exception {
        HttpResponse<String> r = post("qa", "/api/test-calls", Map.of("sentence", "hi", "key", "1"));
        assertThat(r.statusCode()).isEqualTo(403);
    }
}
