package org.callcentre.ivr.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SupervisionTest {

    @Test
    void chanSpyTargetsTheAgentsChannelsByPrefixWithoutLocalChannelOptions() {
        assertThat(Supervision.channelPrefix("Local/agent1@agent-phones/n")).isEqualTo("Local/agent1@agent-phones");
        assertThat(Supervision.channelPrefix("PJSIP/agent1")).isEqualTo("PJSIP/agent1");
    }

    @Test
    void eachModeMapsToQuietChanSpyThatEndsWithTheCall() {
        assertThat(MonitorMode.LISTEN.chanSpyOptions).isEqualTo("qsE");
        assertThat(MonitorMode.WHISPER.chanSpyOptions).contains("w");
        assertThat(MonitorMode.BARGE.chanSpyOptions).contains("B");
    }
}
