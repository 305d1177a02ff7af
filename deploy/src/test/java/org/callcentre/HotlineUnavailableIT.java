package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.ChannelTalkingStartEvent;
import org.callcentre.stack.RealStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hotline's dialplan answers before it hands the call to the FastAGI IVR (ADR 0011), so a
 * caller who gets through while no server listens must hear why rather than silence: the
 * "unavailable" prompt. No server runs in this class; the caller is the benchmark's, whose
 * TALK_DETECT raises ChannelTalkingStart when sound reaches it.
 */
@ExtendWith(RealStack.class)
class HotlineUnavailableIT {

    @Test
    void aCallerWhoReachesTheHotlineWhileTheIvrIsDownHearsThatItIsUnavailable() throws Exception {
        Map<String, String> stack = RealStack.properties();
        requireNoServerOn(Integer.parseInt(stack.get("callcentre.ivr.fastagi.port")));
        ManagerConnection ami = new ManagerConnectionFactory("127.0.0.1",
                Integer.parseInt(stack.get("callcentre.ivr.ami.port")), "callcentre",
                Files.readString(Path.of(stack.get("callcentre.ivr.ami.secret-file"))).strip())
                .createManagerConnection();
        String callId = "unavailable-" + java.util.UUID.randomUUID();
        List<ChannelTalkingStartEvent> heard = new CopyOnWriteArrayList<>();
        ami.addEventListener(e -> {
            if (e instanceof ChannelTalkingStartEvent t && (callId + "-caller").equals(t.getUniqueId())) {
                heard.add(t);
            }
        });
        ami.login("call");
        try {
            OriginateAction caller = new OriginateAction();
            caller.setChannel("Local/s@bench-caller/n");
            caller.setContext("hotline");
            caller.setExten("100");
            caller.setPriority(1);
            caller.setAsync(true);
            caller.setChannelId(callId);  // the hotline's side
            caller.setOtherChannelId(callId + "-caller");  // the caller's side, where TALK_DETECT listens
            caller.setVariables(Map.of("BENCH_KEY_DELAY", "20"));  // listens, presses nothing
            ami.sendAction(caller);

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(heard)
                    .as("the caller hears the unavailable prompt, not silence").isNotEmpty());
        } finally {
            ami.logoff();
        }
    }

    /** The FastAGI port must be free: another test class's server would answer the call. */
    private static void requireNoServerOn(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            // free
        } catch (IOException inUse) {
            fail("the FastAGI port " + port + " is in use, so this test cannot show the IVR down: " + inUse);
        }
    }
}
