package org.callcentre.recording.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.callcentre.recording.RecordingProperties;
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
        index = new ElasticsearchCallIndex(new RecordingProperties.Index(TestStack.elasticsearch(), name,
                Duration.ofSeconds(10), "en", java.util.Map.of()));
        index.prepare();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void eachIndexIsAVersionedIndexFromItsTemplateBehindItsAlias() throws Exception {
        for (String alias : List.of(name, name + "-utterances")) {
            assertThat(get("/_index_template/" + alias + "-v1")).contains("\"" + alias + "-v1\"");
            assertThat(get("/_alias/" + alias)).contains("\"" + alias + "-v1\"");
            assertThat(get("/" + alias + "-v1/_mapping")).contains("\"strict\"");
        }
    }

    @Test
    void anIndexCreatedBeforeRecordingPausesGetsTheirFieldsAtStart() throws Exception {
        String older = "calls-older-" + UUID.randomUUID();
        put("/" + older + "-v1", "{\"aliases\":{\"" + older + "\":{\"is_write_index\":true}},"
                + "\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"call_id\":{\"type\":\"keyword\"}}}}");
        assertThat(get("/" + older + "-v1/_mapping")).doesNotContain("recording_pauses");

        try (ElasticsearchCallIndex upgraded = new ElasticsearchCallIndex(new RecordingProperties.Index(
                TestStack.elasticsearch(), older, Duration.ofSeconds(10), "en", java.util.Map.of()))) {
            upgraded.prepare();
        }

        assertThat(get("/" + older + "-v1/_mapping")).contains("\"recording_pauses\"")
                .contains("\"recording_paused_seconds\"");
    }

    private static void put(String path, String json) throws Exception {
        var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(TestStack.elasticsearch().resolve(path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
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
