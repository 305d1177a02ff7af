package org.callcentre.recording;

import java.time.Clock;
import org.callcentre.recording.index.CallIndex;
import org.callcentre.recording.index.ElasticsearchCallIndex;
import org.callcentre.recording.pipeline.PipelineConfiguration;
import org.callcentre.recording.retention.RetentionConfiguration;
import org.callcentre.recording.storage.LocalRecordingStore;
import org.callcentre.recording.storage.RecordingCipher;
import org.callcentre.recording.storage.RecordingStore;
import org.callcentre.recording.transcription.SpeechToText;
import org.callcentre.recording.transcription.VoskSpeechToText;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Wires the recording module: a local encrypted store, Vosk for speech to text, Elasticsearch for the index. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecordingProperties.class)
@Import({PipelineConfiguration.class, RetentionConfiguration.class})
class RecordingConfiguration {

    @Bean(destroyMethod = "close")
    VoskSpeechToText speechToText(RecordingProperties config) {
        return new VoskSpeechToText(config.voskModel());
    }

    @Bean
    RecordingStore recordingStore(RecordingProperties config) {
        var storage = config.storage();
        return new LocalRecordingStore(storage.dir(), new RecordingCipher(storage.keys(), storage.activeKey()));
    }

    @Bean(destroyMethod = "close")
    ElasticsearchCallIndex callIndex(RecordingProperties config) {
        return new ElasticsearchCallIndex(config.index());
    }
}
