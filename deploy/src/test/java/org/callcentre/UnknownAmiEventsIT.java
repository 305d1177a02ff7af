package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.action.SetVarAction;
import org.callcentre.ivr.ami.AmiConnection;
import org.callcentre.ivr.ami.UnknownAmiEvent;
import org.callcentre.stack.RealStackTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real Asterisk 22 event Asterisk-Java 3.42 has no class for reaches our listeners: setting a
 * custom presence state makes Asterisk send PresenceStateChange (read permission 'call', which
 * the server does not take by default: this class asks for it).
 */
class UnknownAmiEventsIT extends RealStackTest {

    @DynamicPropertySource
    static void takeCallEvents(DynamicPropertyRegistry registry) {
        registry.add("callcentre.ivr.ami.events", () -> "agent,user,system,call");
    }

    @Autowired
    AmiConnection ami;

    @Autowired
    MeterRegistry meters;

    @Test
    void presenceStateChangeArrivesAsAGenericEventAndIsCounted() {
        List<UnknownAmiEvent> unknown = new CopyOnWriteArrayList<>();
        ami.onEvent(e -> {
            if (e instanceof UnknownAmiEvent u && u.getEventName().equals("PresenceStateChange")) {
                unknown.add(u);
            }
        });
        assertThat(ami.awaitConnected(Duration.ofSeconds(30))).as("AMI logged in").isTrue();
        double before = meters.counter("callcentre.ami.events.unknown", "event", "PresenceStateChange").count();

        ami.send(new SetVarAction("PRESENCE_STATE(CustomPresence:agent1)", "away,lunch,back at two"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(unknown).isNotEmpty());
        UnknownAmiEvent event = unknown.getFirst();
        assertThat(event.attribute("Presentity")).contains("CustomPresence:agent1");
        assertThat(event.attribute("Status")).contains("away");
        assertThat(event.attribute("Subtype")).contains("lunch");
        assertThat(event.attribute("Message")).contains("back at two");
        assertThat(meters.counter("callcentre.ami.events.unknown", "event", "PresenceStateChange").count())
                .isGreaterThan(before);
    }
}
