package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.callcentre.stack.RealStack;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipeline never loses a call and never indexes one twice: the server, running as its own
 * process, is killed with SIGKILL while one call is being transcribed and another waits to be
 * indexed because Elasticsearch is down; Elasticsearch comes back, the server restarts on the
 * same database, and each call ends up in the index exactly once, with both speakers, within
 * two minutes of the restart. The lease is the default one: the restarted server releases the
 * lease its killed run held at once (ADR 19) instead of waiting for it to run out.
 */
@ExtendWith(RealStack.class)
@Order(1) // before the Spring test contexts, which hold the FastAGI port while cached (junit-platform.properties)
class CrashRecoveryIT {

    private static final List<String> SENTENCES = List.of(
            "I ordered a blue winter jacket three weeks ago and it still has not arrived at my address",
            "My refund for the broken coffee machine never reached my bank account, please check it");

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void killedMidTranscriptionAndMidIndexingWithElasticsearchDownEveryCallIsIndexedOnce() throws Exception {
        Map<String, String> stack = RealStack.properties();
        String index = "calls-crash-" + UUID.randomUUID();
        Map<String, String> settings = Map.of(
                "callcentre.data-dir", data.resolve("db").toString(), // the default H2 file database
                "callcentre.recording.index.name", index,
                "callcentre.recording.pipeline.workers", "1",
                "callcentre.recording.pipeline.index-retry", "1s");
        Path log = Files.createDirectories(Path.of("target", "crash-recovery")).resolve(UUID.randomUUID() + ".log");
        ServerProcess first = ServerProcess.start(stack, settings, log);
        RealStack.stopElasticsearch();
        String waiting = null;
        String transcribing = null;
        try {
            // one stand-in agent: the second call is placed once the first is over, so both are answered
            waiting = first.placeCall(SENTENCES.get(0));
            String call1 = waiting;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> first.logged(call1, "indexing postponed"));
            transcribing = first.placeCall(SENTENCES.get(1));
            String call2 = transcribing;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                    .until(() -> first.logged(call2, "Transcribing"));
        } finally {
            first.kill();
        }
        assertThat(first.logged(transcribing, "Transcribed")).as("killed before the transcript was stored").isFalse();

        RealStack.startElasticsearch();
        Instant restart = Instant.now();
        ServerProcess second = ServerProcess.start(stack, settings, log);
        try {
            URI es = URI.create(stack.get("callcentre.recording.index.url"));
            for (String callId : List.of(waiting, transcribing)) {
                await().atMost(Duration.between(Instant.now(), restart.plus(Duration.ofMinutes(2))))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> IndexedCalls.count(es, index, callId) == 1);
                // the utterance index refreshes on its own clock: wait for it too
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                        .until(() -> speakers(es, index + "-utterances", callId).size() >= 2);
                assertThat(speakers(es, index + "-utterances", callId)).containsExactlyInAnyOrder("agent", "customer");
            }
            assertThat(second.logged(transcribing, "Lease reclaimed")).as("released at start, not run out").isTrue();
            assertThat(second.metric("callcentre.recording.failures?tag=reason:server-stopped"))
                    .as("the transcription, and the postponed indexing if it was being retried at the kill")
                    .isBetween(1.0, 2.0);
            assertThat(second.metric("callcentre.recording.hangup.to.searchable")).as("both calls, once each")
                    .isEqualTo(2);
        } finally {
            second.stop();
        }
        assertThat(Files.readString(log)).doesNotContain("Recording failed for good");
    }

    /** The speaker of each utterance document of the call: a duplicate would show up twice. */
    private List<String> speakers(URI es, String index, String callId) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(es.resolve("/" + index + "/_search?size=100&q=call_id:"
                + callId)).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body()).path("hits").path("hits").valueStream()
                .map(h -> h.path("_source").path("speaker").asString()).toList();
    }
}
