package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsteriskQueuesConfTest {

    @Test
    void writesQueuesConfFromTheServersQueueProperties(@TempDir Path dir) throws Exception {
        Path props = dir.resolve("site.properties");
        Files.writeString(props, """
                callcentre.ivr.queues[0].name=support
                callcentre.ivr.queues[0].wrap-up=2s
                callcentre.ivr.queues[1].name=complaints
                callcentre.ivr.queues[1].strategy=ringall
                callcentre.ivr.queues[1].service-level=45s
                callcentre.ivr.queues[1].weight=3
                """);
        Path out = dir.resolve("queues.conf");

        CallCentreApplication.main(new String[] {"queues-conf", out.toString(),
            "--spring.config.additional-location=file:" + props});

        String conf = Files.readString(out);
        assertThat(conf).contains("[support]\nstrategy = rrmemory\nwrapuptime = 2\n");
        assertThat(conf).contains("[complaints]\nstrategy = ringall\nwrapuptime = 10\nservicelevel = 45\n");
        assertThat(conf).contains("weight = 3");
    }

    @Test
    void aBadQueueSettingWritesNothingAndSaysWhichQueue(@TempDir Path dir) {
        Path out = dir.resolve("queues.conf");
        assertThatThrownBy(() -> CallCentreApplication.main(new String[] {"queues-conf", out.toString(),
            "--callcentre.ivr.queues[0].name=sales", "--callcentre.ivr.queues[0].wrap-up=500ms"}))
                .hasStackTraceContaining("queue 'sales': wrap-up");
        assertThat(out).doesNotExist();
    }

    @Test
    void theFileArgumentIsRequired() {
        assertThatThrownBy(() -> CallCentreApplication.main(new String[] {"queues-conf", "--x=y"}))
                .hasMessageContaining("usage: queues-conf FILE");
    }
}
