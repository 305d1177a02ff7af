package org.callcentre.recording;

import java.time.Clock;
import org.callcentre.recording.index.CallIndex;
import org.callcentre.recording.index.ElasticsearchCallIndex;
import org.callcentre.recording.pipeline.PipelineConfiguration;
import org.callcentre.recording.transcription.SpeechToText;
import org.callcentre.recording.transcription.VoskSpeechToText;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Wires the recording module: Vosk for speech to text, Elasticsearch for the index. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecordingProperties.class)
@Import(PipelineConfiguration.class)
class RecordingConfiguration {

    @Bean(destroyMethod = "close")
    VoskSpeechToText speechToText(RecordingProperties config) {
        return new VoskSpeechToText(config.voskModel());
    }

    @Bean(destroyMethod = "close")
    ElasticsearchCallIndex callIndex(RecordingProperties config) {
        return new ElasticsearchCallIndex(config.index());
    }
}
