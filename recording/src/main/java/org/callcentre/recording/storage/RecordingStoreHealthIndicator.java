package org.callcentre.recording.storage;

import java.util.Locale;
import org.callcentre.recording.RecordingProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code recordingStore} component of the server's health: UP while the configured store
 * takes recordings ({@link RecordingStore#check()}: a file created and deleted in the local
 * directory, or a HEAD of the bucket within {@code s3.check-timeout}), DOWN otherwise. While it
 * is DOWN, finished calls wait in the pipeline.
 */
@Component
class RecordingStoreHealthIndicator implements HealthIndicator {

    private final RecordingStore store;
    private final RecordingProperties.Storage config;

    RecordingStoreHealthIndicator(RecordingStore store, RecordingProperties config) {
        this.store = store;
        this.config = config.storage();
    }

    @Override
    public Health health() {
        Health.Builder health;
        try {
            store.check();
            health = Health.up();
        } catch (RecordingStoreUnavailable e) {
            health = Health.down().withDetail("error", e.getMessage());
        }
        health.withDetail("kind", config.kind().name().toLowerCase(Locale.ROOT));
        switch (config.kind()) {
            case LOCAL -> health.withDetail("dir", String.valueOf(config.dir()));
            case S3 -> {
                health.withDetail("bucket", config.s3().bucket());
                if (config.s3().endpoint() != null) {   // none: AWS S3 itself
                    health.withDetail("endpoint", config.s3().endpoint().toString());
                }
            }
        }
        return health.build();
    }
}
