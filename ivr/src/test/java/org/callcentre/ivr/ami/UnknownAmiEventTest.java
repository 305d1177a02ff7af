package org.callcentre.ivr.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.callcentre.ivr.IvrProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw AMI packets fed through Asterisk-Java's own reader, behind our connection: events the
 * library has a class for arrive typed as before; events it has none for arrive as
 * {@link UnknownAmiEvent} with every attribute, instead of being dropped.
 */
class UnknownAmiEventTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<ManagerEvent> received = new CopyOnWriteArrayList<>();
    private FakeAmiServer asterisk;
    private AmiConnection ami;

    @BeforeEach
    void connect(@TempDir Path dir) throws Exception {
        asterisk = new FakeAmiServer();
        Path secret = Files.writeString(dir.resolve("secret"), "s3cret");
        ami = new AmiConnection(new IvrProperties.Ami("127.0.0.1", asterisk.port(), "callcentre", secret,
                Duration.ofSeconds(5), "agent,user,system"), meters);
        ami.onEvent(received::add);
        ami.start();
        assertThat(ami.awaitConnected(Duration.ofSeconds(10))).isTrue();
    }

    @AfterEach
    void close() throws Exception {
        ami.stop();
        asterisk.close();
    }

    @Test
    void theServerLogsInForOnlyTheEventClassesItIsConfiguredFor() {
        assertThat(asterisk.login).containsEntry("events", "agent,user,system");
    }

    @Test
    void anEventTheLibraryHasNoClassForArrivesWithItsNameAndEveryAttribute() throws Exception {
        asterisk.send("Event: PresenceStateChange", "Privilege: call,all", "Timestamp: 1763897000.123456",
                "Presentity: CustomPresence:agent1", "Status: away", "Subtype: lunch", "Message: back at 2");

        UnknownAmiEvent event = await().atMost(Duration.ofSeconds(5)).until(() -> unknown("PresenceStateChange"),
                e -> e != null);
        assertThat(event.getAttributes()).containsExactly(
                java.util.Map.entry("Event", "PresenceStateChange"), java.util.Map.entry("Privilege", "call,all"),
                java.util.Map.entry("Timestamp", "1763897000.123456"),
                java.util.Map.entry("Presentity", "CustomPresence:agent1"), java.util.Map.entry("Status", "away"),
                java.util.Map.entry("Subtype", "lunch"), java.util.Map.entry("Message", "back at 2"));
        assertThat(event.attribute("presentity")).contains("CustomPresence:agent1");
        assertThat(event.getDateReceived()).isNotNull();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(meters
                .counter(UnknownEventCounter.METER, "event", "PresenceStateChange").count()).isEqualTo(1.0));
    }

    @Test
    void eventsTheLibraryKnowsStillArriveTypedAndNeverAlsoAsUnknown() throws Exception {
        asterisk.send("Event: QueueMemberStatus", "Privilege: agent,all", "Queue: support", "MemberName: agent1",
                "Interface: Local/agent1@agent-phones/n", "StateInterface: Custom:agent1", "Membership: dynamic",
                "Penalty: 0", "CallsTaken: 3", "LastCall: 0", "LastPause: 0", "LoginTime: 0", "InCall: 0",
                "Status: 1", "Paused: 1", "PausedReason: BREAK", "Ringinuse: 0", "Wrapuptime: 2");
        asterisk.send("Event: Newchannel", "Privilege: call,all", "Channel: PJSIP/100-00000001",
                "ChannelState: 0", "ChannelStateDesc: Down", "Uniqueid: 1763897000.1", "Linkedid: 1763897000.1");
        asterisk.send("Event: ExtensionStateListComplete", "ActionID: 42", "EventList: Complete", "ListItems: 0");

        await().atMost(Duration.ofSeconds(5)).until(() -> unknown("ExtensionStateListComplete") != null);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(received).filteredOn(QueueMemberStatusEvent.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((QueueMemberStatusEvent) e).getMemberName()).isEqualTo("agent1"));
            assertThat(received).filteredOn(NewChannelEvent.class::isInstance).hasSize(1);
        });
        assertThat(received).filteredOn(UnknownAmiEvent.class::isInstance)
                .extracting(e -> ((UnknownAmiEvent) e).getEventName()).containsExactly("ExtensionStateListComplete");
    }

    @Test
    void aRepeatedAttributeKeepsEveryValueAndAUserEventWithoutAClassIsNotLost() throws Exception {
        asterisk.send("Event: UserEvent", "Privilege: user,all", "UserEvent: CallcentreNightMode", "Mode: on");
        asterisk.send("Event: VarSetLike", "ChanVariable: a=1", "ChanVariable: b=2");

        UnknownAmiEvent repeated = await().atMost(Duration.ofSeconds(5)).until(() -> unknown("VarSetLike"),
                e -> e != null);
        assertThat(repeated.attribute("ChanVariable")).contains("a=1\nb=2");
        assertThat(unknown("UserEvent").attribute("UserEvent")).contains("CallcentreNightMode");
        assertThat(unknown("UserEvent").attribute("Mode")).contains("on");
    }

    @Test
    void theKnownEventTypesAreTheLibrarysOwn() {
        assertThat(KnownAmiEvents.LIBRARY.knows("QueueMemberStatus", null)).isTrue();
        assertThat(KnownAmiEvents.LIBRARY.knows("newchannel", null)).isTrue();
        assertThat(KnownAmiEvents.LIBRARY.knows("AgentComplete", null)).isTrue();
        assertThat(KnownAmiEvents.LIBRARY.knows("PresenceStateChange", null)).isFalse();
        assertThat(KnownAmiEvents.LIBRARY.knows("MixMonitorMute", null)).isFalse();
        assertThat(KnownAmiEvents.LIBRARY.knows("UserEvent", "CallcentreNightMode")).isFalse();
    }

    private UnknownAmiEvent unknown(String name) {
        return received.stream().filter(UnknownAmiEvent.class::isInstance).map(UnknownAmiEvent.class::cast)
                .filter(e -> e.getEventName().equals(name)).findFirst().orElse(null);
    }
}
