package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.callcentre.recording.RecordingProperties;
import org.callcentre.recording.storage.RecordingStore;
import org.callcentre.recording.storage.StoredPart;
import org.callcentre.recording.transcription.WavAudio;
import org.callcentre.stack.RealStackTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Pausing a live call's recording on the real stack: the customer keys a card number as in-band
 * DTMF tones for half a minute while the recording is paused for a stretch, through the API or by
 * the agent's DTMF code (*7, keyed by the stand-in agent phone). The stored customer direction
 * must be silent over the pause and carry the tones before and after it, and the pause must be in
 * the call's journey and its index document.
 */
class RecordingPauseIT extends RealStackTest {

    private static final String CARD = "4111111111111111";
    private static final double EDGE = 0.4;          // s of slack at each end of a pause (AMI and event timing)
    private static final double SILENT_PEAK = 64;    // |sample| below this is silence (-54 dBFS)
    private static final double TONE_DBFS = -35;     // PlayTones plays DTMF at about -13 dBFS

    @Autowired
    RecordingStore store;

    @Autowired
    RecordingProperties recording;

    @Test
    void theAgentPausesTheRecordingThroughTheApiAndThePausedStretchIsSilentAndMarked() throws Exception {
        String callId = placeCall(Map.of("sentence", "I would like to pay for my order by card", "keys", "3",
                "language", "en", "inbandDigits", CARD, "inbandSeconds", 30));
        String pause = "/api/calls/" + callId + "/recording/pause";
        String resume = "/api/calls/" + callId + "/recording/resume";

        // 404 while no agent is connected (resuming a running recording changes nothing); another
        // agent gets the 404 of an unknown call even once agent1 is connected
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> post("supervisor", resume, Map.of()).statusCode(), s -> s == 200);
        assertThat(post("agent2", pause, Map.of()).statusCode()).isEqualTo(404);
        holdFor(Duration.ofSeconds(10));   // the customer is keying the card number by now
        HttpResponse<String> paused = post("agent1", pause, Map.of());
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
        JsonNode status = json.readTree(paused.body());
        assertThat(status.path("paused").asBoolean()).isTrue();
        HttpResponse<String> again = post("supervisor", pause, Map.of());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("pausedSince").asString())
                .as("pausing again changes nothing").isEqualTo(status.path("pausedSince").asString());
        assertThat(post("qa", pause, Map.of()).statusCode()).as("QA may not").isEqualTo(403);
        assertThat(post("agent1", "/api/calls/no-such-call/recording/pause", Map.of()).statusCode()).isEqualTo(404);
        holdFor(Duration.ofSeconds(6));
        HttpResponse<String> resumed = post("agent1", resume, Map.of());
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
        assertThat(json.readTree(resumed.body()).path("paused").asBoolean()).isFalse();
        assertThat(post("agent1", resume, Map.of()).statusCode()).as("resuming again is fine").isEqualTo(200);

        JsonNode journey = await().atMost(Duration.ofSeconds(60)).until(() -> journey(callId), j -> j != null);
        assertThat(journey.path("recordingPauses")).hasSize(1);
        JsonNode span = journey.path("recordingPauses").get(0);
        assertThat(span.path("pausedBy").asString()).isEqualTo("agent1");
        assertThat(span.path("pausedVia").asString()).isEqualTo("API");
        assertThat(span.path("resumedBy").asString()).isEqualTo("agent1");
        assertThat(span.path("resumedVia").asString()).isEqualTo("API");
        assertThat(post("agent1", pause, Map.of()).statusCode()).as("the call has ended").isEqualTo(409);

        assertSilentOnlyWithin(callId, span.path("fromSecond").asDouble(), span.path("toSecond").asDouble());
        assertIndexedPause(callId, "API", span);
    }

    @Test
    void theAgentsDtmfCodePausesAndResumesAndTheDigitsKeyedMeanwhileNeverReachTheRecording() throws Exception {
        // the stand-in agent keys *7 about 9 s after answering (after its greeting), and *7 again 6 s later
        String callId = placeCall(Map.of("sentence", "Here is my card number", "keys", "3", "language", "en",
                "inbandDigits", CARD, "inbandSeconds", 30, "agentKeys", "WWWWW*7WWWWWW*7"));

        JsonNode journey = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> journey(callId), j -> j != null);

        assertThat(journey.path("recordingPauses")).as(journey.toString()).hasSize(1);
        JsonNode span = journey.path("recordingPauses").get(0);
        assertThat(span.path("pausedBy").asString()).as("on behalf of the agent on the call").isEqualTo("agent1");
        assertThat(span.path("pausedVia").asString()).isEqualTo("DTMF");
        assertThat(span.path("resumedVia").asString()).isEqualTo("DTMF");
        double from = span.path("fromSecond").asDouble();
        double to = span.path("toSecond").asDouble();
        assertThat(to - from).as("the agent's 6 s between the codes").isBetween(5.0, 8.5);
        assertSilentOnlyWithin(callId, from, to);
        assertIndexedPause(callId, "DTMF", span);
    }

    /** The customer direction holds no sound over the pause, and the tones just before and after it. */
    private void assertSilentOnlyWithin(String callId, double from, double to) throws Exception {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> store.exists(new StoredPart(callId, "customer")));
        Path wav = Files.createTempFile("paused-", ".wav");
        try {
            Files.write(wav, store.read(new StoredPart(callId, "customer")));
            WavAudio audio = WavAudio.read(wav);
            short[] pcm = audio.pcm();
            int rate = audio.sampleRate();
            assertThat(peak(pcm, rate, from + EDGE, to - EDGE)).as("customer audio within the pause %.2f-%.2f s",
                    from, to).isLessThan(SILENT_PEAK);
            assertThat(dbfs(pcm, rate, from - 3, from - EDGE)).as("in-band tones before the pause")
                    .isGreaterThan(TONE_DBFS);
            assertThat(dbfs(pcm, rate, to + EDGE, to + 3)).as("in-band tones after the pause")
                    .isGreaterThan(TONE_DBFS);
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    private void assertIndexedPause(String callId, String via, JsonNode span) throws Exception {
        JsonNode doc = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> indexed(callId), d -> d != null);
        JsonNode pauses = doc.path("recording_pauses");
        assertThat(pauses).hasSize(1);
        assertThat(pauses.get(0).path("paused_via").asString()).isEqualTo(via);
        assertThat(pauses.get(0).path("paused_by").asString()).isEqualTo("agent1");
        assertThat(pauses.get(0).path("from_seconds").asDouble()).isEqualTo(span.path("fromSecond").asDouble());
        assertThat(doc.path("recording_paused_seconds").asDouble()).isGreaterThan(4.0);
    }

    private JsonNode indexed(String callId) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create(recording.index().url() + "/" + recording.index().name() + "/_doc/" + encode(callId)))
                .build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? json.readTree(r.body()).path("_source") : null;
    }

    private String placeCall(Map<String, Object> request) throws Exception {
        HttpResponse<String> r = post("admin", "/api/test-calls", request);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json.readTree(r.body()).path("callId").asString();
    }

    /** Lets the live call go on for a while: the point is the time passing, not a condition. */
    private static void holdFor(Duration d) {
        await().pollDelay(d).atMost(d.plusSeconds(1)).until(() -> true);
    }

    private static double peak(short[] pcm, int rate, double fromSecond, double toSecond) {
        int max = 0;
        for (int i = index(fromSecond, rate, pcm); i < index(toSecond, rate, pcm); i++) {
            max = Math.max(max, Math.abs(pcm[i]));
        }
        return max;
    }

    private static double dbfs(short[] pcm, int rate, double fromSecond, double toSecond) {
        int start = index(fromSecond, rate, pcm);
        int end = index(toSecond, rate, pcm);
        double sum = 0;
        for (int i = start; i < end; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        double rms = Math.sqrt(sum / Math.max(1, end - start)) / 32768.0;
        return 20 * Math.log10(Math.max(rms, 1e-9));
    }

    private static int index(double second, int rate, short[] pcm) {
        return (int) Math.max(0, Math.min(pcm.length, Math.round(second * rate)));
    }
}
