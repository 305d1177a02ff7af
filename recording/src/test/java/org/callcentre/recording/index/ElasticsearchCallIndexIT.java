package org.callcentre.recording.index;

import java.time.Duration;
import java.util.UUID;
import org.callcentre.recording.RecordingProperties;
import org.callcentre.recording.stack.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The Elasticsearch adapter against the real Elasticsearch 8.19 of the test stack. */
class ElasticsearchCallIndexIT implements CallIndexContract {

    private ElasticsearchCallIndex index;

    @BeforeEach
    void freshIndex() {
        index = new ElasticsearchCallIndex(new RecordingProperties.Index(TestStack.elasticsearch(),
                "calls-it-" + UUID.randomUUID(), Duration.ofSeconds(10)));
        index.prepare();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Override
    public CallIndex callIndex() {
        return index;
    }
}
