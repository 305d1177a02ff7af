package org.callcentre.ivr.agent;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.callcentre.ivr.ami.AmiConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs configured agents in whenever Asterisk is up (FullyBooted): app_queue forgets dynamic members when
 * Asterisk restarts. Meant for always-on stand-ins (the local stack's Local-channel agents), not
 * for people, who log in themselves.
 */
public final class AutoLogin {

    private static final Logger log = LoggerFactory.getLogger(AutoLogin.class);

    public AutoLogin(AmiConnection ami, AgentDesk desk, List<String> agents) {
        if (agents.isEmpty()) {
            return;
        }
        ami.onEvent(event -> {
            if (event instanceof FullyBootedEvent) { // not ConnectEvent: app_queue may not be loaded yet
                // never send actions from the AMI dispatch thread
                Thread.ofVirtual().name("auto-login").start(() -> {
                    if (ami.awaitConnected(Duration.ofSeconds(30))) {
                        loginAll(desk, agents);
                    }
                });
            }
        });
    }

    private static void loginAll(AgentDesk desk, List<String> agents) {
        for (String agent : agents) {
            try {
                desk.login(new AgentId(agent), Map.of());
            } catch (AmiConnection.AmiActionFailed e) {
                if (e.getMessage().contains("Already there")) {
                    log.debug("Auto-login of {}: already logged in", agent);
                } else {
                    log.warn("Auto-login of {} refused: {}", agent, e.getMessage());
                }
            } catch (RuntimeException e) {
                log.warn("Auto-login of {} failed: {}", agent, e.getMessage());
            }
        }
    }
}
