package org.callcentre.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callcentre.flows.TestCalls.events;
import static org.callcentre.flows.TestCalls.nodes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.callcentre.stack.RealStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** On a holiday the hotline takes a message: the caller's voice is recorded by real Asterisk. */
@ExtendWith(RealStack.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext  // each context binds the stack's one FastAGI port: close it for the next class
class AfterHoursIT {

    @DynamicPropertySource
    static void realStack(DynamicPropertyRegistry registry) {
        TestCalls.registerStack(registry, "after-hours");
        // Today (and tomorrow, should the test run across midnight) are holidays.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        registry.add("callcentre.ivr.hours.zone", () -> "UTC");
        registry.add("callcentre.ivr.hours.holidays[0]", today::toString);
        registry.add("callcentre.ivr.hours.holidays[1]", () -> today.plusDays(1).toString());
    }

    @Value("${local.server.port}")
    int port;

    @Value("${callcentre.recording.spool-dir}")
    Path spoolDir;

    @Test
    void holidayCallerLeavesAMessageThatIsRecordedAndOnTheJourney() throws Exception {
        // t=4 s language 1; after-hours greeting and the voicemail prompt (~7 s), then the caller
        // speaks at ~t=12 s into Record() and hangs up.
        String callId = new TestCalls(port).place(Map.of("keys", "W1WWW",
                "sentence", "Please call me back about my refund"));

        JsonNode journey = new TestCalls(port).journeyOf(callId, Duration.ofSeconds(60));

        assertThat(events(journey, "hours")).containsExactly("holiday");
        assertThat(nodes(journey)).containsSubsequence("hours", "after-hours", "after-hours-message");
        assertThat(journey.path("outcome").asString()).isEqualTo("VOICEMAIL");
        String file = "vm-" + callId + ".wav16";
        assertThat(events(journey, "voicemail")).containsExactly(file);
        assertThat(spoolDir.resolve(file)).exists();
        assertThat(Files.size(spoolDir.resolve(file))).as("a message, not an empty file").isGreaterThan(16_000);
    }
}
