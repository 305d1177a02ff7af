package org.callcentre.ivr.journey;

import java.util.Set;
import org.callcentre.ivr.NoSuchCall;
import org.callcentre.ivr.recordingpause.RecordingPauses;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may see a call, asked by every endpoint that takes a call id before it looks the call up:
 * QA staff, supervisors and admins see every call; an agent only the calls they took (the agent
 * on the stored journey, or the agent connected to the call now). A call an agent may not see is
 * refused with {@link NoSuchCall}, the same answer whether the call exists or not, so that a
 * stranger learns nothing about other agents' calls.
 */
@Component
public class CallAccess {

    private static final Set<String> SEE_ALL_CALLS = Set.of("ROLE_QA", "ROLE_SUPERVISOR", "ROLE_ADMIN");

    private final CallJourneys journeys;
    private final RecordingPauses live;

    CallAccess(CallJourneys journeys, RecordingPauses live) {
        this.journeys = journeys;
        this.live = live;
    }

    /** @throws NoSuchCall unless the user sees every call or took this one */
    public void requireVisible(String callId, Authentication user) {
        if (!seesAllCalls(user) && !took(user.getName(), callId)) {
            throw new NoSuchCall(callId);
        }
    }

    public static boolean seesAllCalls(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(SEE_ALL_CALLS::contains);
    }

    private boolean took(String agent, String callId) {
        return live.connectedCall(callId).map(c -> c.agent().equals(agent)).orElse(false)
                || journeys.agentOf(callId).map(agent::equals).orElse(false);
    }
}
