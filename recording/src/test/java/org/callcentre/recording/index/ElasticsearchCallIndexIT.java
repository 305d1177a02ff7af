package org.callcentre.recording.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.callcentre.recording.RecordingProperties;
import org.callcentre.recording.UtteranceHit;
import org.callcentre.recording.stack.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Elasticsearch adapter against the real Elasticsearch 8.19 of the test stack. */
class ElasticsearchCallIndexIT implements CallIndexContract {

    private ElasticsearchCallIndex index;
    private String name;

    @BeforeEach
    void freshIndex() {
        name = "calls-it-" + UUID.randomUUID();
        index = new ElasticsearchCallIndex(
                RecordingProperties.Index.of(TestStack.elasticsearch(), name, Duration.ofSeconds(10)));
        index.prepare();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void eachIndexIsAVersionedIndexFromItsTemplateBehindItsAlias() throws Exception {
        for (String alias : List.of(name, name + "-utterances")) {
            String index = alias + "-v" + (alias.endsWith("-utterances") ? IndexMappings.UTTERANCES_VERSION
                    : IndexMappings.CALLS_VERSION);
            assertThat(get("/_index_template/" + index)).contains("\"" + index + "\"");
            assertThat(get("/_alias/" + alias)).contains("\"" + index + "\"");
            assertThat(get("/" + index + "/_mapping")).contains("\"strict\"");
        }
    }

    @Test
    void fieldsAddedWithinAMappingVersionReachAnExistingIndexAtStart() throws Exception {
        String older = "calls-older-" + UUID.randomUUID();
        String current = older + "-v" + IndexMappings.CALLS_VERSION;
        put("/" + current, "{\"aliases\":{\"" + older + "\":{\"is_write_index\":true}},"
                + "\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"call_id\":{\"type\":\"keyword\"}}}}");
        assertThat(get("/" + current + "/_mapping")).doesNotContain("recording_pauses");

        try (ElasticsearchCallIndex upgraded = new ElasticsearchCallIndex(
                RecordingProperties.Index.of(TestStack.elasticsearch(), older, Duration.ofSeconds(10)))) {
            upgraded.prepare();
        }

        assertThat(get("/" + current + "/_mapping")).contains("\"recording_pauses\"")
                .contains("\"recording_paused_seconds\"").contains("\"business_type\"");
    }

    @Test
    void aNewMappingVersionMovesTheAliasAndKeepsEveryDocumentOfTheOldOne() throws Exception {
        String old = "calls-old-" + UUID.randomUUID();
        // what version 1 of the call index looked like: no wrap-up fields
        put("/" + old + "-v1", """
                {"aliases": {"%s": {"is_write_index": true}},
                 "mappings": {"dynamic": "strict", "properties": {"call_id": {"type": "keyword"},
                   "agent": {"type": "keyword"}, "duration_seconds": {"type": "long"}, "transcript": {"type": "text", "analyzer": "whitespace"},
                   "transcript_text": {"type": "text", "index": false}}}}""".formatted(old));
        for (int i = 0; i < 1500; i++) { // more than one page of the copy
            put("/" + old + "-v1/_doc/call-" + i, """
                    {"call_id": "call-%d", "agent": "agent1", "duration_seconds": 60, "transcript": "parcel damag",
                     "transcript_text": "parcel damaged"}""".formatted(i));
        }
        put("/" + old + "-v1/_refresh", "");

        try (var upgraded = new ElasticsearchCallIndex(
                RecordingProperties.Index.of(TestStack.elasticsearch(), old, Duration.ofSeconds(30)))) {
            upgraded.prepare();

            String version = "-v" + IndexMappings.CALLS_VERSION;
            assertThat(get("/_alias/" + old)).contains("\"" + old + version + "\"").doesNotContain(old + "-v1");
            assertThat(get("/" + old + version + "/_count")).contains("\"count\":1500");
            assertThat(get("/" + old + "-v1/_count")).as("the old index is left for operators")
                    .contains("\"count\":1500");
            assertThat(upgraded.search(CallIndexContract.query("parcel agent:agent1"))).hasSize(50);

            upgraded.prepare(); // the next start finds nothing to move
            assertThat(get("/" + old + version + "/_count")).contains("\"count\":1500");
        }
    }

    @Test
    void utterancesIndexedWithoutTheirCallsFollowUpGetItAtTheNextStart() throws Exception {
        // as an earlier version indexed a wrapped-up call and one not wrapped up: utterances without follow_up
        for (String callId : List.of("c-1", "c-2")) {
            String wrapUp = callId.equals("c-1")
                    ? "\"business_type\": \"returns\", \"resolved\": false, \"follow_up\": true," : "";
            put("/" + name + "-v" + IndexMappings.CALLS_VERSION + "/_doc/" + callId, """
                    {"call_id": "%s", "agent": "agent1", "outcome": "ANSWERED", %s "transcript": "parcel",
                     "transcript_text": "parcel"}""".formatted(callId, wrapUp));
            put("/" + name + "-utterances-v" + IndexMappings.UTTERANCES_VERSION + "/_doc/" + callId + "%2F0", """
                    {"call_id": "%s", "seq": 0, "speaker": "customer", "start_seconds": 1.0, "end_seconds": 2.0,
                     "call_started_at": "2026-01-05T10:00:00Z", "confidence": 0.9, "agent": "agent1", %s
                     "language": "en", "text": "parcel", "text_raw": "parcel"}"""
                    .formatted(callId, wrapUp.replace("\"follow_up\": true,", "")));
        }
        put("/" + name + "-utterances/_refresh", "");
        assertThat(index.searchUtterances(CallIndexContract.query("followup:true"))).isEmpty();

        index.prepare(); // the server starts again

        await().atMost(Duration.ofSeconds(10)).until(
                () -> index.searchUtterances(CallIndexContract.query("followup:true")).size() == 1);
        assertThat(index.searchUtterances(CallIndexContract.query("followup:true")))
                .extracting(UtteranceHit::callId).containsExactly("c-1");
        assertThat(get("/" + name + "-utterances/_doc/c-2%2F0")).as("a call without a wrap-up is left as it was")
                .doesNotContain("follow_up");
    }

    private static void put(String path, String body) throws Exception {
        var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(TestStack.elasticsearch().resolve(path))
                .header("Content-Type", "application/json")
                .method(path.endsWith("_refresh") ? "POST" : "PUT", HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isBetween(200, 201);
    }

    private static String get(String path) throws Exception {
        var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(TestStack.elasticsearch().resolve(path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    @Override
    public CallIndex callIndex() {
        return index;
    }
}
