package org.callcentre.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.callcentre.ivr.CallOutcome;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.flow.lookup.Customer;
import org.callcentre.ivr.journey.CallJourney;
import org.callcentre.ivr.journey.JourneyStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hotline's default flow (classpath flows/hotline.yaml), branch by branch, as DOMAIN.md
 * describes it. Keys: the first one answers the language question ('_' = no key).
 */
class DefaultFlowTest {

    private final FlowRig rig = new FlowRig();
    private final FlowDefinition hotline = FlowRig.hotline();

    @Test
    void callersWaitAsLongAsTheirQueueIsConfiguredToUnlessTheNodeSaysOtherwise() {
        IvrProperties.Queue support = IvrProperties.Queue.named("support");
        FlowRig configured = new FlowRig().with(new IvrProperties.Queue("support", support.strategy(),
                support.wrapUp(), support.serviceLevel(), support.ringTimeout(), support.retry(), 0, 0,
                Duration.ZERO, false, false, Duration.ofSeconds(90)));
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("13");
        configured.run(hotline, caller);
        assertThat(caller.queuedMaxWait).isEqualTo(Duration.ofSeconds(90));
        assertThat(rigCaller("13").queuedMaxWait).as("the default queue").isEqualTo(Duration.ofMinutes(3));

        ScriptedCallChannel ownWait = new ScriptedCallChannel();
        configured.run(FlowRig.parse("""
                flow: short
                start: q
                nodes:
                  - {id: q, kind: queue, queue: support, max-wait: 40s}
                """), ownWait);
        assertThat(ownWait.queuedMaxWait).isEqualTo(Duration.ofSeconds(40));
    }

    private ScriptedCallChannel rigCaller(String keys) {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses(keys);
        rig.run(hotline, caller);
        return caller;
    }

    @Test
    void returnsKeyQueuesTheCallerWithTheAfterSaleSkillAndRecordsWhoAnswered() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("13");

        CallJourney j = rig.run(hotline, caller);

        assertThat(caller.prompts).containsExactly("en/welcome", "en/language-menu", "en/main-menu", "en/transfer");
        assertThat(caller.queued).isEqualTo("support");
        assertThat(caller.variables).containsEntry("CALLCENTRE_SKILL", "after-sale");
        assertThat(caller.recordingFile).isEqualTo("1700000000.42.wav16");
        assertThat(caller.agentPreDial).as("the agent's channel gets the recording-pause DTMF code")
                .isEqualTo("recording-pause-agent^s^1");
        assertThat(j.menuChoice()).isEqualTo("returns-exchanges-repairs");
        assertThat(j.queue()).isEqualTo("support");
        assertThat(j.agent()).isEqualTo("agent1");
        assertThat(j.queueWait()).hasSeconds(4);
        assertThat(j.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(j.recordingName()).isEqualTo("1700000000.42.wav16");
        assertThat(nodes(j)).containsSubsequence("welcome", "language", "hours", "main-menu", "after-sale-queue");
    }

    @Test
    void noKeyAtTheLanguageQuestionMeansEnglish() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("_1");

        CallJourney j = rig.run(hotline, caller);

        assertThat(caller.prompts).contains("en/main-menu");
        assertThat(j.steps()).anySatisfy(s -> assertThat(s).extracting(JourneyStep::event, JourneyStep::detail)
                .containsExactly("language", "en"));
        assertThat(j.menuChoice()).isEqualTo("pre-sale");
        assertThat(caller.variables).containsEntry("CALLCENTRE_SKILL", "pre-sale");
    }

    @Test
    void chineseCallerHearsTheChinesePromptSetFromThenOn() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("20");

        CallJourney j = rig.run(hotline, caller);

        assertThat(caller.prompts).containsExactly("en/welcome", "en/language-menu", "zh/main-menu", "zh/transfer");
        assertThat(j.menuChoice()).isEqualTo("agent");
        assertThat(j.outcome()).isEqualTo(CallOutcome.ANSWERED);
    }

    @Test
    void languagePresetOnTheChannelSkipsTheQuestion() {
        ScriptedCallChannel caller = new ScriptedCallChannel().withVariable("CALLCENTRE_LANGUAGE", "zh").presses("3");

        rig.run(hotline, caller);

        assertThat(caller.prompts).containsExactly("en/welcome", "zh/main-menu", "zh/transfer");
    }

    @Test
    void orderStatusIsReadBackToAKnownCallerWhoCanThenReachAnAgent() {
        rig.orders.knows("5551234", new Customer("c-9", new Customer.LatestOrder("4711", Customer.OrderState.SHIPPED)));
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("121");

        CallJourney j = rig.run(hotline, caller);

        assertThat(caller.prompts).containsSubsequence("en/main-menu", "en/order-intro", "en/digit-4", "en/digit-7",
                "en/digit-1", "en/digit-1", "en/order-shipped", "en/order-menu", "en/transfer");
        assertThat(j.menuChoice()).isEqualTo("order-status");
        assertThat(caller.variables).containsEntry("CALLCENTRE_SKILL", "order-status");
        assertThat(details(j, "lookup")).singleElement().asString().startsWith("found c-9");
        assertThat(details(j, "order-status")).containsExactly("shipped");
        assertThat(j.outcome()).isEqualTo(CallOutcome.ANSWERED);
    }

    @Test
    void knownCallerWhoIsSatisfiedWithTheReadBackIsSaidGoodbye() {
        rig.orders.knows("5551234", new Customer("c-9", new Customer.LatestOrder("8", Customer.OrderState.DELIVERED)));
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("12_");

        CallJourney j = rig.run(hotline, caller);

        assertThat(caller.prompts).endsWith("en/order-delivered", "en/order-menu", "en/no-input", "en/goodbye");
        assertThat(caller.queued).isNull();
        assertThat(j.outcome()).isEqualTo(CallOutcome.ENDED_BY_IVR);
        assertThat(j.lastNode()).isEqualTo("goodbye");
    }

    @Test
    void callerTheOrderSystemDoesNotKnowGoesStraightToTheOrderQueue() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("12");

        CallJourney j = rig.run(hotline, caller);

        assertThat(caller.prompts).doesNotContain("en/order-intro");
        assertThat(details(j, "lookup")).singleElement().asString().startsWith("not-found");
        assertThat(nodes(j)).contains("order-queue");
        assertThat(j.outcome()).isEqualTo(CallOutcome.ANSWERED);
    }

    @Test
    void knownCallerWithoutAnOrderGoesToTheOrderQueue() {
        rig.orders.knows("5551234", new Customer("c-new", null));
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("12");

        CallJourney j = rig.run(hotline, caller);

        assertThat(details(j, "order-status")).containsExactly("no order");
        assertThat(caller.queued).isEqualTo("support");
    }

    @Test
    void orderSystemDownSendsTheCallerToAPersonInstead() {
        rig.orders.down();
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("12");

        CallJourney j = rig.run(hotline, caller);

        assertThat(details(j, "lookup")).singleElement().asString().contains("unavailable")
                .contains("connection refused");
        assertThat(nodes(j)).contains("order-queue");
        assertThat(j.outcome()).isEqualTo(CallOutcome.ANSWERED);
    }

    @Test
    void withheldCallerIdIsNeverSentToTheOrderSystem() {
        ScriptedCallChannel caller = new ScriptedCallChannel().callingFrom("anonymous'; --").presses("12");

        CallJourney j = rig.run(hotline, caller);

        assertThat(rig.orders.lookups).isZero();
        assertThat(details(j, "lookup")).singleElement().asString().contains("no usable caller id");
    }

    @ParameterizedTest
    @CsvSource({"1,complaint-product-quality", "2,complaint-logistics", "3,complaint-order-handling",
            "4,complaint-payment", "5,complaint-after-sale-service", "6,complaint-service-conduct"})
    void complaintsAreRecordedByCategoryAndQueuedAtHigherPriority(char category, String choice) {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("14" + category);

        CallJourney j = rig.run(hotline, caller);

        assertThat(caller.prompts).contains("en/complaint-menu");
        assertThat(j.menuChoice()).isEqualTo(choice);
        assertThat(caller.priority).isEqualTo(5);
        assertThat(caller.variables).containsEntry("CALLCENTRE_SKILL", "complaints");
    }

    @Test
    void complainantWhoPicksNoCategoryIsStillQueuedAsAComplaint() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("14__");

        CallJourney j = rig.run(hotline, caller);

        assertThat(j.menuChoice()).isEqualTo("complaint");
        assertThat(caller.priority).isEqualTo(5);
    }

    @Test
    void invalidKeyIsExplainedAndTheMenuRepeated() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("172");

        CallJourney j = rig.run(hotline, caller);

        assertThat(caller.prompts).containsSubsequence("en/main-menu", "en/invalid", "en/main-menu");
        assertThat(j.steps()).extracting(JourneyStep::event).contains("invalid-key");
        assertThat(j.menuChoice()).isEqualTo("order-status");
    }

    @Test
    void callerWhoNeverChoosesStillReachesAnAgentAfterTheLastAttempt() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("1___");

        CallJourney j = rig.run(hotline, caller);

        assertThat(caller.prompts).filteredOn("en/no-input"::equals).hasSize(3);
        assertThat(caller.queued).isEqualTo("support");
        assertThat(j.menuChoice()).isEqualTo("unspecified");
        assertThat(details(j, "fallback")).containsExactly("agent-queue");
    }

    @Test
    void repeatKeyPlaysTheMenuAgainWithoutUsingAnAttempt() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("19991");

        CallJourney j = rig.run(hotline, caller);

        assertThat(caller.prompts).filteredOn("en/main-menu"::equals).hasSize(4);
        assertThat(caller.prompts).doesNotContain("en/invalid", "en/no-input");
        assertThat(j.menuChoice()).isEqualTo("pre-sale");
    }

    @Test
    void floodOfRepeatKeysEndsInTheFallbackInsteadOfHoldingTheLine() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("1" + "9".repeat(1000));

        CallJourney j = rig.run(hotline, caller);

        assertThat(caller.prompts).filteredOn("en/main-menu"::equals).hasSize(MenuHandler.FREE_REPEATS + 3);
        assertThat(j.menuChoice()).isEqualTo("unspecified");
        assertThat(j.outcome()).isEqualTo(CallOutcome.ANSWERED);
    }

    @Test
    void queueThatNobodyAnswersOffersACallbackOnTheCallersOwnNumber() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("101").nobodyAnswers();

        CallJourney j = rig.run(hotline, caller);

        assertThat(caller.prompts).endsWith("en/callback-offer", "en/callback-confirmed");
        assertThat(rig.callbacks).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo("5551234");
            assertThat(r.callId()).isEqualTo("1700000000.42");
            assertThat(r.businessType()).isEqualTo("agent");
            assertThat(r.requestedAt()).isEqualTo(FlowRig.OPEN);
        });
        assertThat(j.outcome()).isEqualTo(CallOutcome.CALLBACK);
        assertThat(details(j, "left-queue")).containsExactly("TIMEOUT");
    }

    @Test
    void callerMayKeyAnotherNumberForTheCallback() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("102").keysIn("13800138000").nobodyAnswers();

        CallJourney j = rig.run(hotline, caller);

        assertThat(rig.callbacks).extracting(r -> r.number()).containsExactly("13800138000");
        assertThat(caller.maxDigitsAsked).isEqualTo(15);
        assertThat(j.outcome()).isEqualTo(CallOutcome.CALLBACK);
    }

    @Test
    void callerWithoutCallerIdIsAskedForANumberAndGarbageIsNotBooked() {
        ScriptedCallChannel caller = new ScriptedCallChannel().callingFrom("").presses("10").keysIn("12")
                .keysIn("").nobodyAnswers();

        CallJourney j = rig.run(hotline, caller);

        assertThat(caller.prompts).containsSubsequence("en/callback-enter", "en/callback-enter", "en/goodbye");
        assertThat(rig.callbacks).isEmpty();
        assertThat(j.outcome()).isEqualTo(CallOutcome.ABANDONED_IN_QUEUE);
    }

    @Test
    void callerWhoDeclinesTheCallbackIsSaidGoodbye() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("10_").nobodyAnswers();

        CallJourney j = rig.run(hotline, caller);

        assertThat(caller.prompts).endsWith("en/callback-offer", "en/goodbye");
        assertThat(rig.callbacks).isEmpty();
        assertThat(j.outcome()).isEqualTo(CallOutcome.ABANDONED_IN_QUEUE);
    }

    @Test
    void afterHoursCallerLeavesAMessageWhoseFileIsOnTheJourney() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("1");

        CallJourney j = rig.at(FlowRig.EVENING).run(hotline, caller);

        assertThat(caller.prompts).containsExactly("en/welcome", "en/language-menu", "en/after-hours", "en/voicemail",
                "(beep)", "en/goodbye");
        assertThat(caller.messageFile).isEqualTo("vm-1700000000.42.wav16");
        assertThat(details(j, "voicemail")).containsExactly("vm-1700000000.42.wav16");
        assertThat(details(j, "hours")).containsExactly("closed");
        assertThat(j.outcome()).isEqualTo(CallOutcome.VOICEMAIL);
        assertThat(caller.queued).isNull();
    }

    @Test
    void holidayIsAfterHoursEvenWithinWeeklyHours() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("2");

        CallJourney j = rig.at(FlowRig.NATIONAL_DAY).run(hotline, caller);

        assertThat(details(j, "hours")).containsExactly("holiday");
        assertThat(caller.prompts).contains("zh/after-hours", "zh/voicemail");
        assertThat(j.outcome()).isEqualTo(CallOutcome.VOICEMAIL);
    }

    /** keys, prompts heard before hanging up, node the journey ends at. */
    @ParameterizedTest
    @CsvSource({
            "'',  0, welcome",
            "1,   1, language",
            "1,   2, main-menu",
            "14,  3, complaint-menu",
            "12,  6, order-menu",
            "13,  3, after-sale-queue",
            "172, 3, main-menu"})
    void hangupAtEachNodeLeavesTheJourneyAtThatNode(String keys, int promptsHeard, String node) {
        rig.orders.knows("5551234", new Customer("c-9", new Customer.LatestOrder("1", Customer.OrderState.PAID)));
        ScriptedCallChannel caller = new ScriptedCallChannel().presses(keys).hangsUpAfterPrompts(promptsHeard);

        CallJourney j = rig.run(hotline, caller);

        assertThat(j.lastNode()).isEqualTo(node);
        assertThat(j.outcome()).isEqualTo(CallOutcome.ABANDONED_IN_IVR);
        assertThat(j.steps()).extracting(JourneyStep::event).last().isEqualTo("hangup");
        assertThat(caller.queued).isNull();
    }

    @Test
    void hangupDuringTheOrderReadBackLeavesTheJourneyAtOrderStatus() {
        rig.orders.knows("5551234", new Customer("c-9", new Customer.LatestOrder("42", Customer.OrderState.PAID)));
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("12").hangsUpAfterPrompts(4);

        CallJourney j = rig.run(hotline, caller);

        assertThat(j.lastNode()).isEqualTo("order-status");
        assertThat(j.outcome()).isEqualTo(CallOutcome.ABANDONED_IN_IVR);
    }

    @Test
    void hangupWhenOfferedACallbackIsAnAbandonInQueue() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("10").nobodyAnswers().hangsUpAfterPrompts(4);

        CallJourney j = rig.run(hotline, caller);

        assertThat(j.lastNode()).isEqualTo("offer-callback");
        assertThat(j.outcome()).isEqualTo(CallOutcome.ABANDONED_IN_QUEUE);
    }

    @Test
    void hangupDuringTheAfterHoursGreetingLeavesNoMessage() {
        ScriptedCallChannel caller = new ScriptedCallChannel().presses("1").hangsUpAfterPrompts(3);

        CallJourney j = rig.at(FlowRig.EVENING).run(hotline, caller);

        assertThat(j.lastNode()).isEqualTo("after-hours-message");
        assertThat(j.outcome()).isEqualTo(CallOutcome.ABANDONED_IN_IVR);
        assertThat(caller.messageFile).isNull();
    }

    private static java.util.List<String> nodes(CallJourney j) {
        return j.steps().stream().filter(s -> s.event().equals("entered")).map(JourneyStep::node).toList();
    }

    private static java.util.List<String> details(CallJourney j, String event) {
        return j.steps().stream().filter(s -> s.event().equals(event)).map(JourneyStep::detail).toList();
    }
}
