package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.callcentre.recording.CallSearch;
import org.callcentre.recording.UtteranceHit;
import org.callcentre.recording.storage.RecordingStore;
import org.callcentre.recording.storage.StoredPart;
import org.callcentre.stack.RealStackTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With {@code callcentre.ivr.recording.ivr-part}, real Asterisk records the IVR part of each call
 * (a second MixMonitor from the answer until the queue): a caller who never reaches an agent is
 * transcribed from it, their words as the customer's and the menu as the IVR's; an answered call
 * is still transcribed from its conversation alone, its IVR part kept in the store.
 */
class IvrPartRecordingIT extends RealStackTest {

    private static final Duration CALL_TO_INDEX = Duration.ofSeconds(120);

    @DynamicPropertySource
    static void recordIvrParts(DynamicPropertyRegistry registry) {
        registry.add("callcentre.ivr.recording.ivr-part", () -> "true");
    }

    @Autowired
    CallSearch search;

    @Autowired
    RecordingStore store;

    @Test
    void aCallerWhoHangsUpInTheMenuIsSearchableByWhatTheySaidToTheIvr() throws Exception {
        // Presses nothing ("W" is a one-second pause): speaks over the main menu, then hangs up.
        HttpResponse<String> placed = post("admin", "/api/test-calls",
                Map.of("sentence", "I want a refund for the broken blender", "keys", "W", "language", "en"));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        String callId = json.readTree(placed.body()).path("callId").asString();

        List<UtteranceHit> customer = await().atMost(CALL_TO_INDEX).pollInterval(Duration.ofSeconds(2))
                .until(() -> utterances(search, "speaker:customer refund", callId), hits -> !hits.isEmpty());

        assertThat(customer.getFirst().text()).contains("refund");
        assertThat(utterances(search, "speaker:ivr press", callId))
                .as("the menu, heard by the caller, is the IVR speaking").isNotEmpty();
        assertThat(utterances(search, "speaker:ivr refund", callId)).as("the menu never said 'refund'").isEmpty();
        HttpResponse<String> asQa = get("qa", "/api/utterances?q=" + encode("speaker:customer refund"));
        assertThat(asQa.statusCode()).isEqualTo(200);
        assertThat(json.readTree(asQa.body()).valueStream().map(u -> u.path("callId").asString()))
                .as("QA finds it over the API").contains(callId);
        HttpResponse<String> asAgent = get("agent1", "/api/utterances?q=" + encode("speaker:customer refund"));
        assertThat(json.readTree(asAgent.body()).valueStream().map(u -> u.path("callId").asString()))
                .as("no agent took this call, so no agent sees it").doesNotContain(callId);
        assertThat(get("qa", "/api/utterances?q=" + encode("speaker:(customer")).statusCode())
                .as("bad syntax is the user's error").isEqualTo(400);
        JsonNode journey = journey(callId);
        assertThat(journey.path("outcome").asString()).isEqualTo("ABANDONED_IN_IVR");
        assertThat(journey.path("ivrRecordingName").asString()).endsWith("-ivr.wav16");
        assertThat(journey.path("recordingName").isNull()).as("no conversation was recorded").isTrue();
    }

    @Test
    void anAnsweredCallIsTranscribedFromItsConversationAloneWithItsIvrPartStored() throws Exception {
        String callId = placeCall("I want to return my order, the parcel arrived damaged", "3");

        List<UtteranceHit> customer = await().atMost(CALL_TO_INDEX).pollInterval(Duration.ofSeconds(2))
                .until(() -> utterances(search, "speaker:customer parcel", callId), hits -> !hits.isEmpty());

        assertThat(utterances(search, "speaker:agent calling", callId)).as("the agent's greeting").isNotEmpty();
        assertThat(utterances(search, "speaker:ivr press", callId)).as("the IVR part is not decoded").isEmpty();
        assertThat(customer).allSatisfy(u -> assertThat(u.speaker()).isEqualTo("customer"));
        for (String part : List.of("ivr-mixed", "ivr-customer", "ivr-prompts", "customer", "agent")) {
            assertThat(store.exists(new StoredPart(callId, part))).as(part).isTrue();
        }
    }

}
