package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.callcentre.ivr.ami.AmiConnection;
import org.callcentre.stack.RealStackTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A supervisor listening in on a live call, and the agent's wrap-up of it afterwards. */
class SupervisionAndWrapUpIT extends RealStackTest {

    @Autowired
    AmiConnection ami;

    @Test
    void supervisorListensToALiveCallAndTheAgentThenWrapsItUp() throws Exception {
        String callId = placeCall("I want to return my order, the parcel arrived damaged", "3");
        await().atMost(Duration.ofSeconds(30)).until(() -> agentStatus("agent1"), "ON_CALL"::equals);

        assertThat(post("agent2", "/api/supervision", Map.of("agent", "agent1", "mode", "LISTEN")).statusCode())
                .as("agents may not monitor").isEqualTo(403);
        HttpResponse<String> started = post("supervisor", "/api/supervision",
                Map.of("agent", "agent1", "mode", "LISTEN"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String spyChannel = json.readTree(started.body()).path("spyChannel").asString();

        await().atMost(Duration.ofSeconds(10)).until(this::chanSpyRunning);
        JsonNode audit = json.readTree(get("supervisor", "/api/supervision/audit").body());
        assertThat(audit.valueStream().filter(a -> a.path("spyChannel").asString().equals(spyChannel)).findFirst())
                .hasValueSatisfying(a -> {
                    assertThat(a.path("supervisor").asString()).isEqualTo("supervisor");
                    assertThat(a.path("agent").asString()).isEqualTo("agent1");
                    assertThat(a.path("mode").asString()).isEqualTo("LISTEN");
                });

        JsonNode journey = await().atMost(Duration.ofSeconds(60)).until(() -> journey(callId), j -> j != null);
        assertThat(journey.path("agent").asString()).isEqualTo("agent1");
        Map<String, Object> wrapUp = Map.of("businessType", "complaint-logistics", "resolved", true,
                "followUp", false);
        assertThat(put("agent2", "/api/journeys/" + callId + "/disposition", wrapUp).statusCode())
                .as("only the agent who answered; to others the call does not exist").isEqualTo(404);
        assertThat(put("agent1", "/api/journeys/" + callId + "/disposition", wrapUp).statusCode()).isEqualTo(200);
        JsonNode stored = json.readTree(get("qa", "/api/journeys/" + callId + "/disposition").body());
        assertThat(stored.path("businessType").asString()).isEqualTo("complaint-logistics");
        assertThat(stored.path("resolved").asBoolean()).isTrue();
        assertThat(put("agent1", "/api/journeys/no-such-call/disposition", wrapUp).statusCode()).isEqualTo(404);

        // QA finds the call by its wrap-up once it is indexed, whichever came first
        JsonNode found = await().atMost(Duration.ofSeconds(120)).until(
                () -> json.readTree(get("qa", "/api/calls?q=" + encode("type:complaint-logistics resolved:true"))
                        .body()),
                hits -> hits.valueStream().anyMatch(h -> h.path("callId").asString().equals(callId)));
        assertThat(found.valueStream().filter(h -> h.path("callId").asString().equals(callId)).findFirst())
                .hasValueSatisfying(h -> {
                    assertThat(h.path("businessType").asString()).isEqualTo("complaint-logistics");
                    assertThat(h.path("followUp").asBoolean()).isFalse();
                });
        assertThat(json.readTree(get("qa", "/api/calls?q=" + encode("resolved:false")).body()).valueStream()
                .map(h -> h.path("callId").asString())).doesNotContain(callId);
        // and its utterances, in any case the analyst types the values
        await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(get("qa", "/api/utterances?q=" + encode(
                "type:Complaint-Logistics resolved:TRUE followup:false agent:AGENT1 outcome:answered")).body())
                .valueStream().anyMatch(h -> h.path("callId").asString().equals(callId)));
    }

    private boolean chanSpyRunning() {
        return ami.sendEventGenerating(new CoreShowChannelsAction()).stream()
                .filter(CoreShowChannelEvent.class::isInstance).map(CoreShowChannelEvent.class::cast)
                .anyMatch(c -> "ChanSpy".equals(c.getApplication()));
    }

    private String agentStatus(String id) throws Exception {
        JsonNode floor = json.readTree(get("supervisor", "/api/floor").body());
        return floor.path("agents").valueStream().filter(a -> a.path("agent").asString().equals(id))
                .map(a -> a.path("status").asString()).findFirst().orElse("LOGGED_OUT");
    }
}
