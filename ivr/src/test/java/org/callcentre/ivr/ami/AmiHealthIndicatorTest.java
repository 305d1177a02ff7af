package org.callcentre.ivr.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.callcentre.ivr.IvrProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The ami health component follows the AMI login: DOWN before it, UP once logged in, DOWN when Asterisk goes. */
class AmiHealthIndicatorTest {

    @TempDir
    Path dir;

    private FakeAmiServer asterisk;
    private AmiConnection ami;

    @AfterEach
    void close() throws Exception {
        ami.stop();
        asterisk.close();
    }

    @Test
    void upWhileLoggedInAndDownOnceAsteriskGoesAway() throws Exception {
        asterisk = new FakeAmiServer();
        ami = new AmiConnection(new IvrProperties.Ami("127.0.0.1", asterisk.port(), "callcentre",
                Files.writeString(dir.resolve("secret"), "s3cret"), Duration.ofSeconds(5), "agent,user,system"),
                new SimpleMeterRegistry());
        AmiHealthIndicator indicator = new AmiHealthIndicator(ami);
        assertThat(indicator.health().getStatus()).as("before the login").isEqualTo(Status.DOWN);

        ami.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> indicator.health().getStatus().equals(Status.UP));
        assertThat(indicator.health().getDetails()).containsEntry("asterisk", "127.0.0.1:" + asterisk.port());

        asterisk.close();
        Health down = await().atMost(Duration.ofSeconds(10)).until(indicator::health,
                h -> h.getStatus().equals(Status.DOWN));
        assertThat(down.getDetails()).containsEntry("reason", "not logged in")
                .containsEntry("asterisk", "127.0.0.1:" + asterisk.port());
    }
}
