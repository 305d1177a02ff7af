package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.callcentre.stack.RealStackTest.utterances;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.callcentre.recording.CallSearch;
import org.callcentre.recording.UtteranceHit;
import org.callcentre.stack.RealStack;
import org.callcentre.stack.RealStackTest;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real call through Asterisk, recorded with its two directions apart: the synthetic customer
 * speaks a sentence, the stand-in agent phone greets them ("Thank you for calling, how can I help
 * you today?"), and each utterance is indexed under the right speaker.
 */
@ExtendWith(RealStack.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // the stack has one FastAGI port: let go of it for the next class
class RecordedCallAttributionIT {

    private static final String SENTENCE = "I want to return my order, the parcel arrived damaged";

    @DynamicPropertySource
    static void realStack(DynamicPropertyRegistry registry) {
        RealStack.properties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:attribution-" + UUID.randomUUID());
        registry.add("callcentre.recording.index.name", () -> "calls-attribution-" + UUID.randomUUID());
        registry.add("callcentre.ivr.test-call.enabled", () -> "true");
        RealStackTest.users(registry, new String[][] {{"admin", "ADMIN"}, {"supervisor", "SUPERVISOR"},
            {"agent1", "AGENT"}});
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    CallSearch search;

    @Autowired
    Scheduler scheduler;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void customerAndAgentUtterancesAreIndexedUnderTheirSpeaker() throws Exception {
        String callId = placeCall(SENTENCE, "3");

        List<UtteranceHit> customer = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> utterances(search, "speaker:customer \"parcel arrived\"", callId),
                        hits -> !hits.isEmpty());
        List<UtteranceHit> agent = utterances(search, "speaker:agent \"thank you for calling\"", callId);

        assertThat(customer).allSatisfy(u -> assertThat(u.speaker()).isEqualTo("customer"));
        assertThat(customer.getFirst().highlighted()).contains("<em>parcel</em> <em>arrived</em>");
        assertThat(agent).isNotEmpty().allSatisfy(u -> {
            assertThat(u.speaker()).isEqualTo("agent");
            assertThat(u.text()).contains("calling");
        });
        assertThat(utterances(search, "speaker:agent parcel", callId)).as("the agent never said 'parcel'")
                .isEmpty();
        assertThat(utterances(search, "speaker:customer calling", callId)).as("the customer never said 'calling'")
                .isEmpty();
    }

    @Test
    void theOperationsViewOfFailedRecordingsIsForSupervisorsNotAgents() throws Exception {
        HttpResponse<String> supervisor = get("supervisor", "/api/operations/recording-jobs?state=FAILED");
        HttpResponse<String> agent = get("agent1", "/api/operations/recording-jobs?state=FAILED");

        assertThat(supervisor.statusCode()).isEqualTo(200);
        assertThat(json.readTree(supervisor.body()).isArray()).isTrue();
        assertThat(agent.statusCode()).isEqualTo(403);
    }

    @Test
    void theOperationsViewShowsWhoHoldsAJobsLeaseSinceWhenAndTheBacklogIsAMetricForAdmins() throws Exception {
        String callId = "leased-" + UUID.randomUUID();
        Instant takenAt = Instant.parse("2026-01-05T10:00:00Z");
        // a job another instance is transcribing, not due here: inserted, no call needed
        jdbc.sql("""
                        insert into recording_job (call_id, call_started_at, call_ended_at, outcome, last_node, stage,
                            attempts, due_at, lease_holder, lease_taken_at, lease_until, created_at, updated_at)
                        values (?, ?, ?, 'ANSWERED', 'queue', 'TRANSCRIBE', 1, ?, 'host-b:4573', ?, ?, ?, ?)
                        """)
                .params(callId, ts(takenAt.minusSeconds(90)), ts(takenAt.minusSeconds(30)),
                        ts(Instant.parse("2999-01-01T00:00:00Z")), ts(takenAt), ts(Instant.now().plusSeconds(3600)),
                        ts(takenAt), ts(takenAt))
                .update();
        try {
            HttpResponse<String> view = get("supervisor", "/api/operations/recording-jobs?state=TRANSCRIBE");
            assertThat(view.statusCode()).isEqualTo(200);
            var job = json.readTree(view.body()).valueStream().filter(j -> j.path("callId").asString().equals(callId))
                    .findFirst().orElseThrow();
            assertThat(job.path("state").asString()).isEqualTo("TRANSCRIBE");
            assertThat(job.path("leaseHolder").asString()).isEqualTo("host-b:4573");
            assertThat(Instant.parse(job.path("leaseTakenAt").asString())).isEqualTo(takenAt);
            assertThat(Instant.parse(job.path("leaseUntil").asString())).isAfter(Instant.now());

            HttpResponse<String> backlog = get("admin",
                    "/actuator/metrics/callcentre.recording.backlog?tag=stage:transcribe");
            assertThat(backlog.statusCode()).as(backlog.body()).isEqualTo(200);
            assertThat(json.readTree(backlog.body()).path("measurements").path(0).path("value").asDouble())
                    .isGreaterThanOrEqualTo(1);
            assertThat(get("supervisor", "/actuator/metrics/callcentre.recording.backlog").statusCode()).isEqualTo(403);
        } finally {
            jdbc.sql("delete from recording_job where call_id = ?").param(callId).update();
        }
    }

    @Test
    void theRetentionPurgeIsScheduledFromConfiguration() throws Exception {
        Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey("recording-retention-purge"));

        assertThat(trigger).isInstanceOfSatisfying(CronTrigger.class,
                t -> assertThat(t.getCronExpression()).isEqualTo("0 30 3 * * ?"));
    }


    private String placeCall(String sentence, String key) throws Exception {
        String body = json.writeValueAsString(Map.of("sentence", sentence, "key", key));
        HttpResponse<String> r = http.send(as("admin", "/api/test-calls")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json.readTree(r.body()).path("callId").asString();
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return http.send(as(user, path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private HttpRequest.Builder as(String user, String path) {
        String basic = Base64.getEncoder().encodeToString((user + ":pw-" + user).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + basic);
    }
}
