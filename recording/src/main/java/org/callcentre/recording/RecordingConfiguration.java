package org.callcentre.recording;

import java.time.Clock;
import org.callcentre.recording.index.CallIndex;
import org.callcentre.recording.index.ElasticsearchCallIndex;
import org.callcentre.recording.pipeline.PipelineConfiguration;
import org.callcentre.recording.retention.RetentionConfiguration;
import org.callcentre.recording.storage.LocalRecordingStore;
import org.callcentre.recording.storage.RecordingCipher;
import org.callcentre.recording.storage.RecordingStore;
import org.callcentre.recording.storage.S3RecordingStore;
import org.callcentre.recording.transcription.SpeechToText;
import org.callcentre.recording.transcription.VoskSpeechToText;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Wires the recording module: an encrypted store (local directory or S3-compatible, by configuration), Vosk for speech to text, Elasticsearch for the index. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecordingProperties.class)
@Import({PipelineConfiguration.class, RetentionConfiguration.class})
class RecordingConfiguration {

    @Bean(destroyMethod = "close")
    VoskSpeechToText speechToText(RecordingProperties config) {
        return new VoskSpeechToText(config.voskModel(), true, config.voskAlternatives());
    }

    @Bean
    RecordingStore recordingStore(RecordingProperties config) {
        return recordingStore(config.storage());
    }

    /** The configured store; a store that cannot be used stops the start-up with the reason. */
    static RecordingStore recordingStore(RecordingProperties.Storage storage) {
        var cipher = new RecordingCipher(storage.keys(), storage.activeKey());
        return switch (storage.kind()) {
            case LOCAL -> new LocalRecordingStore(required(storage.dir(), "dir", "local"), cipher);
            case S3 -> {
                var s3 = storage.s3();
                boolean keyed = s3.accessKey() != null && !s3.accessKey().isBlank();
                if (keyed && (s3.secretKey() == null || s3.secretKey().isBlank())) {
                    throw new IllegalStateException("callcentre.recording.storage.s3.access-key is set but "
                            + "s3.secret-key is not");
                }
                required(s3.bucket(), "s3.bucket", "s3");
                yield new S3RecordingStore(s3, cipher).verified();
            }
        };
    }

    private static <T> T required(T value, String name, String kind) {
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("callcentre.recording.storage." + name + " is required when "
                    + "callcentre.recording.storage.kind=" + kind);
        }
        return value;
    }

    @Bean(destroyMethod = "close")
    ElasticsearchCallIndex callIndex(RecordingProperties config) {
        return new ElasticsearchCallIndex(config.index());
    }
}
