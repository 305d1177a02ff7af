package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.ami.AmiConnection;
import org.callcentre.recording.CallSearch;
import org.callcentre.recording.SearchQuery;
import org.callcentre.recording.UtteranceHit;
import org.callcentre.stack.RealStack;
import org.callcentre.stack.RealStackTest;
import org.callcentre.stack.Softphones;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Agents on real SIP softphones (baresip, registered to Asterisk's PJSIP): they log in with their
 * PJSIP interface, synthetic customers call the hotline and choose the support queue, and the
 * softphones answer over SIP/RTP. Every call is checked one by one: who answered it (journey,
 * softphone, floor) and the support queue's figures.
 */
@ExtendWith(Softphones.class)
class SoftphoneAgentsIT extends RealStackTest {

    private static final Duration CALL = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void softphoneAgents(DynamicPropertyRegistry registry) {
        Softphones.agentsOnSoftphones(registry);
    }

    @Autowired
    AmiConnection ami;

    @Autowired
    IvrProperties ivr;

    @Autowired
    CallSearch search;

    private JsonNode queueBefore;
    private final Map<String, Long> handledBefore = new HashMap<>();
    private final Map<String, Long> answeredBefore = new HashMap<>();
    private int callsPlaced;

    @BeforeEach
    void onlyTheSoftphonesAreOnTheFloor() throws Exception {
        assertThat(ivr.agents().memberInterface("agent1")).isEqualTo("PJSIP/agent1");
        assertThat(ami.awaitConnected(Duration.ofSeconds(30))).as("AMI connected").isTrue();
        // earlier test classes on the same Asterisk leave the Local-channel stand-ins logged in
        String standIn = RealStack.properties().get("callcentre.ivr.agents.interface-template");
        for (String agent : Softphones.AGENTS) {
            for (String queue : ivr.agents().defaultQueues()) {
                try {
                    ami.send(new QueueRemoveAction(queue, standIn.replace("{agent}", agent)));
                } catch (AmiConnection.AmiActionFailed notThere) {
                    // not logged in: nothing to remove
                }
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> status("agent1").equals("LOGGED_OUT")
                && status("agent2").equals("LOGGED_OUT"));
    }

    @AfterEach
    void leaveTheFloorAsFound() throws Exception {
        for (String agent : Softphones.AGENTS) {
            post("supervisor", "/api/agents/" + agent + "/resume", Map.of());
            post("supervisor", "/api/agents/" + agent + "/logout", Map.of());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> status("agent1").equals("LOGGED_OUT")
                && status("agent2").equals("LOGGED_OUT"));
    }

    @Test
    void softphonesAnswerTheCallsInTurnAndAPausedAgentsPhoneDoesNotRing() throws Exception {
        login("agent1", Map.of());
        login("agent2", Map.of());
        rememberFigures();

        String first = callAndAwaitAnswer();
        String second = callAndAwaitAnswer();

        assertThat(List.of(first, second)).containsExactlyInAnyOrder("agent1", "agent2");

        assertThat(post("agent1", "/api/agents/agent1/pause", Map.of("reason", "BREAK")).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> status("agent1").equals("PAUSED"));

        assertThat(callAndAwaitAnswer()).isEqualTo("agent2");
        assertThat(callAndAwaitAnswer()).isEqualTo("agent2");
        assertThat(status("agent1")).isEqualTo("PAUSED");
        assertThat(agent("agent1").path("pausedReason").asString()).isEqualTo("BREAK");
    }

    @Test
    void theAgentWithTheBetterSkillGetsTheCallsWhileAvailable() throws Exception {
        login("agent1", Map.of("skills", Map.of("support", 5)));
        login("agent2", Map.of("skills", Map.of("support", 0)));
        rememberFigures();

        assertThat(callAndAwaitAnswer()).isEqualTo("agent2");
        assertThat(callAndAwaitAnswer()).isEqualTo("agent2");
    }

    @Test
    void theSoftphoneHearsTheCustomerAndWhatItSaysIsRecordedAndIndexedAsTheAgent() throws Exception {
        login("agent1", Map.of());
        String callId = placeCall("I want to return my order, the parcel arrived damaged", "3");

        JsonNode journey = await().atMost(CALL).until(() -> journey(callId), j -> j != null);
        assertThat(journey.path("agent").asString()).isEqualTo("agent1");
        assertThat(Softphones.loudestHeardOnLastCall("agent1")).as("the customer's voice reached the softphone")
                .isGreaterThan(3000);
        List<UtteranceHit> agent = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> utterances("speaker:agent (calling OR help OR today)", callId), h -> !h.isEmpty());

        assertThat(agent).allSatisfy(u -> assertThat(u.speaker()).isEqualTo("agent"));
        assertThat(agent.stream().map(UtteranceHit::text).toList()).as("what the softphone said")
                .anySatisfy(text -> assertThat(text).contains("calling"));
        assertThat(utterances("speaker:customer parcel", callId)).isNotEmpty();
        assertThat(utterances("speaker:agent parcel", callId)).as("the agent never said 'parcel'").isEmpty();
    }

    private void login(String agent, Map<String, Object> body) throws Exception {
        assertThat(post(agent, "/api/agents/" + agent + "/login", body).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(agent).equals("AVAILABLE"));
    }

    private void rememberFigures() throws Exception {
        queueBefore = supportQueue();
        for (String agent : Softphones.AGENTS) {
            handledBefore.put(agent, agent(agent).path("callsHandled").asLong());
            answeredBefore.put(agent, Softphones.callsAnswered(agent));
        }
    }

    /**
     * One customer calls support; returns the agent whose softphone answered, after checking that
     * the journey, both softphones and the live floor all tell the same story about this call.
     */
    private String callAndAwaitAnswer() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> Softphones.AGENTS.stream().noneMatch(this::busy));
        String callId = placeCall("", "3");
        callsPlaced++;
        JsonNode journey = await().atMost(CALL).until(() -> journey(callId), j -> j != null);
        String answeredBy = journey.path("agent").asString();
        assertThat(answeredBy).as("agent of call %s", callId).isIn(Softphones.AGENTS);
        handledBefore.merge(answeredBy, 1L, Long::sum);
        answeredBefore.merge(answeredBy, 1L, Long::sum);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String agent : Softphones.AGENTS) {
                assertThat(Softphones.callsAnswered(agent)).as("calls %s's softphone answered", agent)
                        .isEqualTo(answeredBefore.get(agent));
                assertThat(agent(agent).path("callsHandled").asLong()).as("%s's calls on the floor", agent)
                        .isEqualTo(handledBefore.get(agent));
            }
            JsonNode q = supportQueue();
            assertThat(q.path("offered").asLong() - queueBefore.path("offered").asLong()).isEqualTo(callsPlaced);
            assertThat(q.path("answered").asLong() - queueBefore.path("answered").asLong()).isEqualTo(callsPlaced);
            assertThat(q.path("abandoned").asLong()).isEqualTo(queueBefore.path("abandoned").asLong());
        });
        return answeredBy;
    }

    private boolean busy(String agent) {
        try {
            String s = status(agent);
            return s.equals("ON_CALL") || s.equals("WRAP_UP") || s.equals("RINGING");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<UtteranceHit> utterances(String query, String callId) {
        return search.searchUtterances(new SearchQuery(query, Optional.empty(), 50)).stream()
                .filter(u -> u.callId().equals(callId)).toList();
    }
}
