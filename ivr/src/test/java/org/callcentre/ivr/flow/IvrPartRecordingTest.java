package org.callcentre.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.callcentre.ivr.CallOutcome;
import org.callcentre.ivr.journey.CallJourney;
import org.junit.jupiter.api.Test;

/**
 * With {@code callcentre.ivr.recording.ivr-part}, the IVR part of every call is recorded from the
 * answer until the caller is handed to a queue or an extension; the conversation's own recording
 * starts only after it has stopped. Without it, only conversations are recorded.
 */
class IvrPartRecordingTest {

    private static final String IVR_PART = "1700000000.42-ivr.wav16";

    private static final FlowDefinition TRANSFER = FlowRig.parse("""
            flow: transfer
            start: duty-manager
            nodes:
              - {id: duty-manager, kind: transfer, prompt: transfer, target: PJSIP/200, timeout: 20s}
            """);

    @Test
    void theIvrPartStopsBeforeTheQueueAndTheConversationIsRecordedApart() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("13");

        CallJourney j = new FlowRig().recordingIvrParts().run(FlowRig.hotline(), caller);

        assertThat(caller.recordingSteps).containsExactly("record ivr part " + IVR_PART, "stop ivr part",
                "record conversation 1700000000.42.wav16", "queue support");
        assertThat(j.ivrRecordingName()).isEqualTo(IVR_PART);
        assertThat(j.recordingName()).isEqualTo("1700000000.42.wav16");
    }

    @Test
    void aCallerWhoHangsUpInTheMenuLeavesTheIvrPartRecordedToTheEnd() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("1").hangsUpAfterPrompts(2);

        CallJourney j = new FlowRig().recordingIvrParts().run(FlowRig.hotline(), caller);

        assertThat(j.outcome()).isEqualTo(CallOutcome.ABANDONED_IN_IVR);
        assertThat(caller.recordingSteps).containsExactly("record ivr part " + IVR_PART);
        assertThat(j.ivrRecordingName()).isEqualTo(IVR_PART);
        assertThat(j.recordingName()).isNull();
    }

    @Test
    void theIvrPartStopsBeforeATransferDials() {
        ScriptedCallChannel caller = new ScriptedCallChannel();

        new FlowRig().recordingIvrParts().run(TRANSFER, caller);

        assertThat(caller.recordingSteps).containsExactly("record ivr part " + IVR_PART, "stop ivr part",
                "dial PJSIP/200");
    }

    @Test
    void aCallerWhoComesBackToTheQueueDoesNotStopTheConversationsRecording() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("13").nobodyAnswers();

        new FlowRig().recordingIvrParts().run(FlowRig.hotline(), caller);

        assertThat(caller.recordingSteps).filteredOn(s -> s.equals("stop ivr part")).hasSize(1);
    }

    @Test
    void byDefaultOnlyTheConversationIsRecorded() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("13");

        CallJourney j = new FlowRig().run(FlowRig.hotline(), caller);

        assertThat(caller.recordingSteps).containsExactly("record conversation 1700000000.42.wav16", "queue support");
        assertThat(j.ivrRecordingName()).isNull();
    }
}
