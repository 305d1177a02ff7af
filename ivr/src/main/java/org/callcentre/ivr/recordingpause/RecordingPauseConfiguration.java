package org.callcentre.ivr.recordingpause;

import java.time.Clock;
import org.callcentre.ivr.ami.AmiConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires pausing and resuming call recordings (imported by the module's configuration). */
@Configuration(proxyBeanMethods = false)
public class RecordingPauseConfiguration {

    @Bean
    RecordingPauses recordingPauses(AmiConnection ami, JdbcClient jdbc, Clock clock) {
        return new RecordingPauses(new AmiRecordingMute(ami), new JdbcPauseLog(jdbc), clock);
    }

    @Bean
    AmiRecordingPauseFeed amiRecordingPauseFeed(AmiConnection ami, RecordingPauses pauses, Clock clock) {
        return new AmiRecordingPauseFeed(ami, pauses, clock);
    }
}
