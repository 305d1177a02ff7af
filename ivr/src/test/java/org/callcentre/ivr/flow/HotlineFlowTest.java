package org.callcentre.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.callcentre.ivr.CallOutcome;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.journey.CallJourney;
import org.callcentre.ivr.journey.JourneyStep;
import org.callcentre.ivr.journey.JourneyTracker;
import org.junit.jupiter.api.Test;

class HotlineFlowTest {

    private final IvrProperties.Menu menu = new IvrProperties.Menu(Duration.ofSeconds(5), 3, "support", "9",
            Duration.ofMinutes(3), Map.of());
    private final HotlineFlow flow = new HotlineFlow(menu,
            new IvrProperties.Recording(true, "/var/spool/asterisk/monitor", "wav16"));
    private final JourneyTracker journey = new JourneyTracker(Clock.systemUTC(), "1700000000.42", "5551234");

    @Test
    void returnsKeyQueuesTheCallerAndRecordsWhoAnswered() throws CallerHungUp {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("3");

        flow.run(caller, journey);

        CallJourney j = journey.finish();
        assertThat(caller.queued).isEqualTo("support");
        assertThat(caller.recordingFile).isEqualTo("1700000000.42.wav16");
        assertThat(j.menuChoice()).isEqualTo("returns-exchanges-repairs");
        assertThat(j.agent()).isEqualTo("agent1");
        assertThat(j.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(j.recordingName()).isEqualTo("1700000000.42.wav16");
    }

    @Test
    void complaintsJoinTheQueueAtHigherPriority() throws CallerHungUp {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("4");

        flow.run(caller, journey);

        assertThat(caller.priority).isGreaterThan(0);
        assertThat(journey.finish().menuChoice()).isEqualTo("complaint");
    }

    @Test
    void hangupDuringMenuLeavesJourneyAtThatNode() {
        // welcome, then the caller hangs up while the main menu plays
        ScriptedCallChannel caller = new ScriptedCallChannel().hangsUpAfterPrompts(1);

        assertThatThrownBy(() -> flow.run(caller, journey)).isInstanceOf(CallerHungUp.class);
        journey.callerHungUp();

        CallJourney j = journey.finish();
        assertThat(j.lastNode()).isEqualTo("main-menu");
        assertThat(j.outcome()).isEqualTo(CallOutcome.ABANDONED_IN_IVR);
        assertThat(j.steps()).extracting(JourneyStep::event).endsWith("hangup");
        assertThat(caller.queued).isNull();
    }

    @Test
    void invalidKeyIsExplainedAndTheMenuRepeated() throws CallerHungUp {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("72");

        flow.run(caller, journey);

        // 7 is not an escape digit of the menu, so it reads as no input; 2 is order status
        assertThat(caller.prompts).containsSubsequence("main-menu", "no-input", "main-menu");
        assertThat(journey.finish().menuChoice()).isEqualTo("order-status");
    }

    @Test
    void callerWhoNeverChoosesStillReachesAnAgentAfterTheLastAttempt() throws CallerHungUp {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("___");

        flow.run(caller, journey);

        assertThat(caller.prompts).filteredOn("no-input"::equals).hasSize(3);
        assertThat(caller.queued).isEqualTo("support");
        assertThat(journey.finish().menuChoice()).isEqualTo("unspecified");
    }

    @Test
    void repeatKeyPlaysTheMenuAgainWithoutUsingAnAttempt() throws CallerHungUp {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("9991");

        flow.run(caller, journey);

        assertThat(caller.prompts).filteredOn("main-menu"::equals).hasSize(4);
        assertThat(journey.finish().menuChoice()).isEqualTo("pre-sale");
    }

    @Test
    void queueThatNobodyAnswersIsAnAbandonInQueue() throws CallerHungUp {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("0").nobodyAnswers();

        flow.run(caller, journey);

        CallJourney j = journey.finish();
        assertThat(j.outcome()).isEqualTo(CallOutcome.ABANDONED_IN_QUEUE);
        assertThat(j.agent()).isNull();
    }
}
