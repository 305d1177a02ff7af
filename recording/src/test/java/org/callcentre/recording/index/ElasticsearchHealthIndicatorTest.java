package org.callcentre.recording.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.callcentre.recording.RecordingProperties;
import org.callcentre.recording.SilentServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The elasticsearch health component when Elasticsearch is gone or hung (the real one: HealthIT in deploy). */
class ElasticsearchHealthIndicatorTest {

    @Test
    void anElasticsearchThatRefusesConnectionsIsDown() throws Exception {
        URI url;
        try (ServerSocket free = new ServerSocket(0)) {
            url = URI.create("http://127.0.0.1:" + free.getLocalPort());
        }

        Health health = health(url, Duration.ofSeconds(2));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("url", url.toString());
        assertThat(health.getDetails().get("error").toString()).startsWith("Elasticsearch unreachable");
    }

    @Test
    void aHungElasticsearchIsDownWithinTheIndexTimeout() throws Exception {
        try (SilentServer hung = new SilentServer()) {
            long started = System.nanoTime();

            Health health = health(hung.url(), Duration.ofMillis(500));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        }
    }

    private static Health health(URI url, Duration timeout) throws Exception {
        RecordingProperties config = new RecordingProperties(Path.of("spool"), Path.of("model"), 0, null,
                RecordingProperties.Index.of(url, "calls", timeout), null, null, null);
        try (ElasticsearchCallIndex index = new ElasticsearchCallIndex(config.index())) {
            return new ElasticsearchHealthIndicator(index, config).health();
        }
    }
}
