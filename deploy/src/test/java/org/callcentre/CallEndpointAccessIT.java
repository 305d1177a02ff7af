package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.callcentre.ivr.CallOutcome;
import org.callcentre.ivr.journey.CallJourney;
import org.callcentre.ivr.journey.CallJourneys;
import org.callcentre.ivr.journey.Disposition;
import org.callcentre.ivr.journey.Dispositions;
import org.callcentre.stack.RealStackTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint that takes a call id, walked as each kind of user: the agent who took the call,
 * another agent, QA, a supervisor, an admin and an anonymous caller. The table is checked against
 * the server's own request mappings, so an endpoint added without a row (and without its check)
 * fails the build. Another agent gets the same answer for the call as for a call that does not
 * exist, so a stranger cannot learn that a call exists.
 */
class CallEndpointAccessIT extends RealStackTest {

    private static final String ANONYMOUS = "anonymous";
    private static final List<String> USERS = List.of("agent1", "agent2", "qa", "supervisor", "admin", ANONYMOUS);
    private static final String WRAP_UP = "{\"businessType\":\"complaint-logistics\",\"resolved\":true,\"followUp\":false}";

    /** An endpoint, its body, and the status each user gets on agent1's ended call, in USERS' order. */
    record Row(String method, String path, String body, int... statuses) {
        String endpoint() {
            return method + " " + path;
        }
    }

    private static final List<Row> TABLE = List.of(
            //                                                             agent1 agent2 qa  supervisor admin anonymous
            new Row("GET", "/api/journeys/{callId}", null, 200, 404, 200, 200, 200, 401),
            new Row("GET", "/api/journeys/{callId}/disposition", null, 200, 404, 200, 200, 200, 401),
            new Row("PUT", "/api/journeys/{callId}/disposition", WRAP_UP, 200, 404, 403, 403, 403, 401),
            // the call has ended: its recording can no longer be paused (409), but only those who may see it learn so
            new Row("POST", "/api/calls/{callId}/recording/pause", null, 409, 404, 403, 409, 409, 401),
            new Row("POST", "/api/calls/{callId}/recording/resume", null, 409, 404, 403, 409, 409, 401));

    @Autowired
    CallJourneys journeys;

    @Autowired
    Dispositions dispositions;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private String callId;

    @BeforeEach
    void agent1TookACallThatJustEnded() {
        callId = "access-" + UUID.randomUUID();
        Instant end = Instant.now();
        journeys.record(new CallJourney(callId, "0000", end.minusSeconds(60), end, CallOutcome.ANSWERED, "queue",
                "complaint-logistics", "support", Duration.ofSeconds(3), "agent1", null, null, List.of(), List.of()));
        dispositions.record(callId, "agent1", new Disposition("complaint-logistics", false, true, null));
    }

    @Test
    void theTableCoversEveryEndpointThatTakesACallId() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.contains("{callId}"))
                .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + p))));

        assertThat(mapped).as("endpoints taking a call id; add each new one to TABLE with its statuses")
                .containsExactlyInAnyOrderElementsOf(TABLE.stream().map(Row::endpoint).toList());
    }

    @Test
    void eachUserGetsWhatTheirRoleAllowsOnEveryEndpointThatTakesACallId() throws Exception {
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        for (Row row : TABLE) {
            for (int u = 0; u < USERS.size(); u++) {
                HttpResponse<String> r = call(row, USERS.get(u), callId);
                if (r.statusCode() != row.statuses()[u]) {
                    wrong.computeIfAbsent(row.endpoint(), k -> new ArrayList<>()).add(USERS.get(u) + ": "
                            + r.statusCode() + " (expected " + row.statuses()[u] + ") " + r.body());
                }
            }
        }
        assertThat(wrong).as("statuses by endpoint and user, see TABLE: " + Arrays.toString(USERS.toArray()))
                .isEmpty();
    }

    @Test
    void anotherAgentGetsTheSameAnswerForACallAsForOneThatDoesNotExist() throws Exception {
        String unknown = "access-" + UUID.randomUUID();
        SoftAssertions softly = new SoftAssertions();
        for (Row row : TABLE) {
            HttpResponse<String> existing = call(row, "agent2", callId);
            HttpResponse<String> missing = call(row, "agent2", unknown);
            softly.assertThat(existing.statusCode()).as(row.endpoint()).isEqualTo(missing.statusCode());
            softly.assertThat(problem(existing).path("detail").asString().replace(callId, "ID")).as(row.endpoint())
                    .isEqualTo(problem(missing).path("detail").asString().replace(unknown, "ID"));
            softly.assertThat(problem(existing).path("title").asString()).as(row.endpoint()).isEqualTo("No such call");
        }
        softly.assertAll();
    }

    @Test
    void anAgentReadsTheJourneyOfTheirOwnCall() throws Exception {
        HttpResponse<String> r = get("agent1", "/api/journeys/" + callId);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json.readTree(r.body()).path("agent").asString()).isEqualTo("agent1");
    }

    @Test
    void adminsReadTheSupervisionAudit() throws Exception {
        assertThat(get("admin", "/api/supervision/audit").statusCode()).isEqualTo(200);
        assertThat(get("agent1", "/api/supervision/audit").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> call(Row row, String user, String id) throws Exception {
        return send(row.method(), user.equals(ANONYMOUS) ? null : user, row.path().replace("{callId}", id),
                row.body());
    }

    private JsonNode problem(HttpResponse<String> r) {
        return json.readTree(r.body());
    }
}
