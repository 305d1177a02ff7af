package org.callcentre.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.callcentre.ivr.CallOutcome;
import org.callcentre.ivr.journey.CallJourney;
import org.callcentre.ivr.journey.JourneyStep;
import org.junit.jupiter.api.Test;

/** Node kinds and engine rules the default flow does not exercise, on small flows of their own. */
class NodeKindsTest {

    private final FlowRig rig = new FlowRig();

    private static final FlowDefinition TRANSFER = FlowRig.parse("""
            flow: transfer
            start: duty-manager
            nodes:
              - {id: duty-manager, kind: transfer, prompt: transfer, target: PJSIP/200, timeout: 20s, failed: sorry}
              - {id: sorry, kind: hangup, prompt: goodbye}
            """);

    @Test
    void answeredTransferIsTheCallsOutcome() {
        ScriptedCallChannel caller = new ScriptedCallChannel();

        CallJourney j = rig.run(TRANSFER, caller);

        assertThat(caller.dialled).isEqualTo("PJSIP/200");
        assertThat(j.outcome()).isEqualTo(CallOutcome.TRANSFERRED);
        assertThat(j.steps()).extracting(JourneyStep::detail).contains("PJSIP/200 ANSWER");
    }

    @Test
    void unansweredTransferFollowsItsFailedRoute() {
        ScriptedCallChannel caller = new ScriptedCallChannel().dialAnswers("NOANSWER");

        CallJourney j = rig.run(TRANSFER, caller);

        assertThat(caller.prompts).containsExactly("en/transfer", "en/goodbye");
        assertThat(j.outcome()).isEqualTo(CallOutcome.ENDED_BY_IVR);
        assertThat(j.lastNode()).isEqualTo("sorry");
    }

    @Test
    void flowThatLoopsIsCutOffAtTheStepLimit() {
        FlowDefinition loop = FlowRig.parse("""
                flow: loop
                start: a
                nodes:
                  - {id: a, kind: play, prompt: welcome, next: b}
                  - {id: b, kind: play, prompt: welcome, next: a}
                """);
        ScriptedCallChannel caller = new ScriptedCallChannel();

        CallJourney j = rig.run(loop, caller);

        assertThat(caller.prompts).hasSize(200);
        assertThat(j.steps()).extracting(JourneyStep::event).contains("step-limit");
        assertThat(j.outcome()).isEqualTo(CallOutcome.ENDED_BY_IVR);
    }

    @Test
    void playWithoutNextEndsTheFlow() {
        FlowDefinition single = FlowRig.parse("""
                flow: notice
                start: notice
                nodes:
                  - {id: notice, kind: play, prompt: goodbye}
                """);

        CallJourney j = rig.run(single, new ScriptedCallChannel());

        assertThat(j.outcome()).isEqualTo(CallOutcome.ENDED_BY_IVR);
        assertThat(j.steps()).extracting(JourneyStep::detail).last().isEqualTo("flow complete");
    }

    @Test
    void everyNodeKindHasExactlyOneHandler() {
        assertThatThrownBy(() -> new NodeHandlers(List.of(new PlayHandler())))
                .hasMessageContaining("no handler for node kind");
        assertThatThrownBy(() -> new NodeHandlers(List.of(new PlayHandler(), new PlayHandler())))
                .hasMessageContaining("two handlers for Play");
    }
}
