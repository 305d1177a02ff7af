package org.callcentre.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.callcentre.ivr.CallOutcome;
import org.callcentre.ivr.SurgeLevel;
import org.callcentre.ivr.journey.CallJourney;
import org.callcentre.ivr.journey.JourneyStep;
import org.junit.jupiter.api.Test;

/** DOMAIN.md: at surge level 2 and above, callers about to wait are offered a callback instead. */
class SurgeCallbackOfferTest {

    private final FlowDefinition hotline = FlowRig.hotline();

    @Test
    void atLevelTwoTheCallerIsOfferedACallbackBeforeQueueingAndCanTakeIt() {
        FlowRig rig = new FlowRig().during(SurgeLevel.LEVEL_2);
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("131"); // English, returns, callback

        CallJourney j = rig.run(hotline, caller);

        assertThat(caller.prompts).containsSubsequence("en/main-menu", "en/callback-offer", "en/callback-confirmed");
        assertThat(caller.queued).isNull();
        assertThat(rig.callbacks).hasSize(1);
        assertThat(j.outcome()).isEqualTo(CallOutcome.CALLBACK);
        assertThat(j.steps()).anySatisfy(s -> assertThat(s).extracting(JourneyStep::event, JourneyStep::detail)
                .containsExactly("surge", "LEVEL_2"));
    }

    @Test
    void aCallerWhoDeclinesTheSurgeOfferWaitsInTheQueueAfterAll() {
        FlowRig rig = new FlowRig().during(SurgeLevel.LEVEL_3);
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("13_"); // no key at the offer

        CallJourney j = rig.run(hotline, caller);

        assertThat(caller.prompts).containsSubsequence("en/callback-offer", "en/transfer");
        assertThat(caller.queued).isEqualTo("support");
        assertThat(rig.callbacks).isEmpty();
        assertThat(j.outcome()).isEqualTo(CallOutcome.ANSWERED);
    }

    @Test
    void atLevelOneCallersQueueAsUsual() {
        FlowRig rig = new FlowRig().during(SurgeLevel.LEVEL_1);
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("13");

        rig.run(hotline, caller);

        assertThat(caller.prompts).doesNotContain("en/callback-offer");
        assertThat(caller.queued).isEqualTo("support");
    }
}
