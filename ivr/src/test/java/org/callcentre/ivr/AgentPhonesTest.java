package org.callcentre.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentPhonesTest {

    private static IvrProperties.Agents agents(List<String> autoLogin, Map<String, String> phones) {
        return new IvrProperties.Agents("Local/{agent}@agent-phones/n", "Custom:{agent}", List.of("support"),
                autoLogin, "PJSIP/{supervisor}", phones);
    }

    @Test
    void anAgentOnTheirOwnPhoneIsAQueueMemberOnItWhileTheOthersKeepTheTemplate() {
        IvrProperties.Agents agents = agents(List.of(), Map.of("agent1", "PJSIP/agent1"));

        assertThat(agents.memberInterface("agent1")).isEqualTo("PJSIP/agent1");
        assertThat(agents.stateInterface("agent1")).isEqualTo("PJSIP/agent1");
        assertThat(agents.memberInterface("agent2")).isEqualTo("Local/agent2@agent-phones/n");
        assertThat(agents.stateInterface("agent2")).isEqualTo("Custom:agent2");
    }

    @Test
    void agentsOnTheirOwnPhoneAreNeverLoggedInAutomatically() {
        IvrProperties.Agents agents = agents(List.of("agent1", "agent2"), Map.of("agent1", "PJSIP/agent1"));

        assertThat(agents.standInsToLogIn()).containsExactly("agent2");
    }

    @Test
    void aPhoneThatIsNoChannelInterfaceIsRefused() {
        assertThatThrownBy(() -> agents(List.of(), Map.of("agent1", "agent1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callcentre.ivr.agents.phones.agent1");
    }
}
