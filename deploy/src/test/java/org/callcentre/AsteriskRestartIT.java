package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.callcentre.stack.RealStack;
import org.callcentre.stack.RealStackTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Asterisk killed (SIGKILL) and restarted under the running server. */
class AsteriskRestartIT extends RealStackTest {

    @Test
    void callInProgressKeepsItsJourneyAndTheServerServesCallsAfterAsteriskRestarts() throws Exception {
        String inProgress = placeCall("I want to return my order, the parcel arrived damaged", "3");
        await().atMost(Duration.ofSeconds(30)).until(() -> agentStatus("agent1"), "ON_CALL"::equals);

        RealStack.restartAsterisk();

        JsonNode cut = await().atMost(Duration.ofSeconds(30)).until(() -> journey(inProgress), j -> j != null);
        assertThat(cut.path("lastNode").asString()).isEqualTo("after-sale-queue");
        assertThat(cut.path("menuChoice").asString()).isEqualTo("returns-exchanges-repairs");
        // the queue never returned to the IVR session, but AMI had seen agent1 answer
        assertThat(cut.path("agent").asString()).isEqualTo("agent1");
        assertThat(cut.path("outcome").asString()).isEqualTo("ANSWERED");
        // AMI reconnects, the floor resynchronises and the stand-in agent is logged in again
        await().atMost(Duration.ofSeconds(90)).until(() -> agentStatus("agent1"), "AVAILABLE"::equals);

        String after = placeCall("", "3");

        JsonNode j = await().atMost(Duration.ofSeconds(60)).until(() -> journey(after), x -> x != null);
        assertThat(j.path("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(j.path("agent").asString()).isEqualTo("agent1");
        assertThat(journey(inProgress).path("endedAt")).isEqualTo(cut.path("endedAt")); // stored once
    }

    private String agentStatus(String id) throws Exception {
        JsonNode floor = json.readTree(get("supervisor", "/api/floor").body());
        return floor.path("agents").valueStream().filter(a -> a.path("agent").asString().equals(id))
                .map(a -> a.path("status").asString()).findFirst().orElse("LOGGED_OUT");
    }
}
