package org.callcentre.recording.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.callcentre.recording.CallHit;
import org.callcentre.recording.SearchQuery;
import org.callcentre.recording.UtteranceHit;
import org.callcentre.recording.transcription.Speaker;
import org.callcentre.recording.transcription.Utterance;
import org.callcentre.recording.transcription.Word;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CallIndex} adapter must do. An adapter's test implements this interface and
 * supplies a fresh, empty index for each test. Searches may see writes late (Elasticsearch
 * refreshes once a second), so expectations are awaited.
 */
public interface CallIndexContract {

    CallIndex callIndex();

    @Test
    default void indexingACallAgainLeavesOneCallAndOneCopyOfEachUtterance() {
        IndexedCall call = call("c-1", "agent1", customer(1.0, "my parcel arrived damaged"),
                agent(4.0, "thank you for calling how can i help"));

        callIndex().index(call);
        callIndex().index(call);

        awaitUtterances("", 2);
        // the two indices refresh apart: the call may become visible a moment after its utterances
        await().atMost(Duration.ofSeconds(10)).until(() -> !callIndex().search(query("parcel")).isEmpty());
        assertThat(callIndex().search(query("parcel"))).extracting(h -> h.callId()).containsExactly("c-1");
        assertThat(utterances("")).extracting(UtteranceHit::callId).containsExactly("c-1", "c-1");
    }

    @Test
    default void speakerRestrictedPhraseSearchFindsWhoSaidItWithTheWordsMarked() {
        callIndex().indexAll(List.of(
                call("c-1", "agent1", customer(1.0, "the parcel arrived damaged"), agent(4.0, "sorry about the parcel")),
                call("c-2", "agent2", agent(1.0, "your parcel arrived yesterday"))));
        awaitUtterances("", 3);

        List<UtteranceHit> hits = utterances("speaker:customer \"parcel arrived\"");

        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.callId()).isEqualTo("c-1");
            assertThat(h.speaker()).isEqualTo("customer");
            assertThat(h.startSeconds()).isEqualTo(1.0);
            assertThat(h.highlighted()).isEqualTo("the <em>parcel</em> <em>arrived</em> damaged");
        });
        assertThat(utterances("speaker:agent parcel")).extracting(UtteranceHit::callId)
                .containsExactlyInAnyOrder("c-1", "c-2");
    }

    @Test
    default void anAgentFindsOnlyTheUtterancesOfTheirOwnCalls() {
        callIndex().indexAll(List.of(call("c-1", "agent1", customer(1.0, "refund please")),
                call("c-2", "agent2", customer(1.0, "refund now"))));
        awaitUtterances("", 2);

        List<UtteranceHit> own = callIndex().searchUtterances(new SearchQuery("refund", Optional.of("agent2"), 10));

        assertThat(own).extracting(UtteranceHit::callId).containsExactly("c-2");
    }

    @Test
    default void deletingACallRemovesItAndItsUtterancesOnly() {
        callIndex().indexAll(List.of(call("c-1", "agent1", customer(1.0, "refund please")),
                call("c-2", "agent1", customer(1.0, "refund now"))));
        awaitUtterances("", 2);

        callIndex().delete("c-1");
        callIndex().delete("never-indexed");

        await().atMost(Duration.ofSeconds(10)).until(() -> utterances("refund").size() == 1);
        assertThat(utterances("refund")).extracting(UtteranceHit::callId).containsExactly("c-2");
        assertThat(callIndex().search(query("refund"))).extracting(h -> h.callId()).containsExactly("c-2");
    }

    @Test
    default void qaFiltersCallsAndUtterancesOnTheAgentsWrapUp() {
        IndexedCall unresolved = call("c-1", "agent1", customer(1.0, "the parcel never came"));
        IndexedCall resolved = call("c-2", "agent1", customer(1.0, "the parcel came broken"));
        callIndex().indexAll(List.of(
                new IndexedCall(unresolved.call().wrappedUp("complaint-logistics", false, true),
                        unresolved.utterances()),
                new IndexedCall(resolved.call().wrappedUp("complaint-logistics", true, false), resolved.utterances()),
                call("c-3", "agent2", customer(1.0, "where is my parcel"))));
        awaitUtterances("", 3);
        awaitCalls(3);

        assertThat(callIndex().search(query("parcel type:complaint-logistics resolved:false")))
                .singleElement().satisfies(h -> {
                    assertThat(h.callId()).isEqualTo("c-1");
                    assertThat(h.businessType()).isEqualTo("complaint-logistics");
                    assertThat(h.resolved()).isFalse();
                    assertThat(h.followUp()).isTrue();
                });
        assertThat(callIndex().search(query("followup:true"))).extracting(h -> h.callId()).containsExactly("c-1");
        assertThat(utterances("parcel resolved:true")).extracting(UtteranceHit::callId).containsExactly("c-2");
        assertThat(callIndex().search(query("parcel -type:complaint-logistics"))).extracting(h -> h.callId())
                .containsExactly("c-3");
    }

    @Test
    default void utteranceSearchTakesTheCallsFieldsIncludingAWrapUpThatCameAfterIndexing() {
        IndexedCall first = call("c-1", "agent1", customer(1.0, "the parcel never came"));
        callIndex().indexAll(List.of(first, call("c-2", "agent2", customer(1.0, "the parcel came broken"))));
        awaitUtterances("", 2);
        assertThat(utterances("followup:true")).isEmpty();

        // the pipeline indexes the call again when the agent's wrap-up arrives
        callIndex().index(new IndexedCall(first.call().wrappedUp("complaint-logistics", false, true),
                first.utterances()));

        await().atMost(Duration.ofSeconds(10)).until(() -> utterances("followup:true").size() == 1);
        assertThat(utterances("parcel followup:true type:complaint-logistics resolved:false agent:agent1 "
                + "queue:support choice:returns-exchanges-repairs outcome:ANSWERED speaker:customer"))
                .extracting(UtteranceHit::callId).containsExactly("c-1");
        assertThat(utterances("parcel -followup:true")).extracting(UtteranceHit::callId).containsExactly("c-2");
        assertThat(callIndex().searchUtterances(new SearchQuery("followup:true", Optional.of("agent2"), 10)))
                .as("an agent still sees only their own calls' utterances").isEmpty();
        assertThat(callIndex().searchUtterances(new SearchQuery("followup:true", Optional.of("agent1"), 10)))
                .extracting(UtteranceHit::callId).containsExactly("c-1");
    }

    @Test
    default void aCallMissingOneOfThePlainWordsIsFoundButCallsWithAllOfThemRankFirst() {
        callIndex().indexAll(List.of(call("c-1", "agent1", customer(1.0, "my parcel arrived yesterday")),
                call("c-2", "agent1", customer(1.0, "my parcel arrived damaged")),
                call("c-3", "agent1", customer(1.0, "the weather is nice today"))));
        awaitUtterances("", 3);
        awaitCalls(3);

        List<CallHit> hits = callIndex().search(query("parcel damaged"));
        assertThat(hits).extracting(CallHit::callId).containsExactly("c-2", "c-1");
        assertThat(hits.get(1).matchedBy()).as("parcel, said as it is").containsExactly("exact");
        assertThat(utterances("parcel damaged")).extracting(UtteranceHit::callId).containsExactly("c-2", "c-1");
        assertThat(callIndex().search(query("parcel AND damaged"))).as("an explicit AND stays strict")
                .extracting(h -> h.callId()).containsExactly("c-2");
        assertThat(callIndex().search(query("parcel +damaged"))).as("so does +word")
                .extracting(h -> h.callId()).containsExactly("c-2");
        assertThat(callIndex().search(query("\"parcel damaged\""))).as("and a quoted phrase").isEmpty();
    }

    @Test
    default void thePlainWordsAsAPhraseRankAboveTheSameWordsApart() {
        callIndex().indexAll(List.of(
                // the shorter call would score higher on the words alone
                call("c-1", "agent1", customer(1.0, "damaged, the parcel, it arrived")),
                call("c-2", "agent1", customer(1.0, "hello i am calling because the parcel arrived damaged and "
                        + "i would like to know what happens next with my order"))));
        awaitUtterances("", 2);
        awaitCalls(2);

        assertThat(callIndex().search(query("parcel arrived damaged"))).extracting(h -> h.callId())
                .containsExactly("c-2", "c-1");
    }

    @Test
    default void aLongerQueryNeedsMoreThanAOneWordCoincidence() {
        callIndex().indexAll(List.of(call("c-1", "agent1", customer(1.0, "my payment failed twice")),
                call("c-2", "agent1", customer(1.0, "the refund for my failed payment never came"))));
        awaitUtterances("", 2);
        awaitCalls(2);

        assertThat(callIndex().search(query("refund coupon payment failed"))).as("three of four words")
                .extracting(h -> h.callId()).containsExactly("c-2");
    }

    @Test
    default void aWordTheRecogniserWroteAsItSoundsIsFoundBelowTheWordItself() {
        callIndex().indexAll(List.of(call("c-1", "agent1", customer(1.0, "the courier was very rood to me")),
                call("c-2", "agent1", customer(1.0, "the courier was rude to me")),
                call("c-3", "agent1", customer(1.0, "the courier was late"))));
        awaitUtterances("", 3);
        awaitCalls(3);

        List<CallHit> hits = callIndex().search(query("rude"));

        assertThat(hits).extracting(CallHit::callId).containsExactly("c-2", "c-1");
        assertThat(hits.get(0).matchedBy()).contains("exact");
        assertThat(hits.get(1).matchedBy()).containsExactly("sounds-like");
        assertThat(utterances("speaker:customer rude")).extracting(UtteranceHit::callId).containsExactly("c-2", "c-1");
        assertThat(callIndex().search(query("rude AND courier"))).as("an explicit boolean matches words exactly")
                .extracting(CallHit::callId).containsExactly("c-2");
    }

    @Test
    default void aWordTheRecogniserNearlyHeardFindsTheCallBelowTheWordItselfButNotAStrictSearch() {
        Utterance misheard = customer(1.0, "my candle is broken");
        callIndex().indexAll(List.of(call("c-1", "agent1", customer(1.0, "my kettle is broken")),
                call("c-2", "agent1", misheard.withAlternatives(List.of(new Word("kettle", 1.3, 1.6, 0.3)))),
                call("c-3", "agent1", customer(1.0, "my candle is broken"))));
        awaitUtterances("", 3);
        awaitCalls(3);

        List<CallHit> hits = callIndex().search(query("kettle"));

        assertThat(hits).extracting(CallHit::callId).containsExactly("c-1", "c-2");
        assertThat(hits.get(0).matchedBy()).containsExactly("exact");
        assertThat(hits.get(1).matchedBy()).containsExactly("alternative");
        assertThat(hits.get(1).score()).isLessThan(hits.get(0).score());
        assertThat(utterances("speaker:customer kettle")).extracting(UtteranceHit::callId)
                .containsExactly("c-1", "c-2");
        assertThat(callIndex().search(query("+kettle"))).as("strict: the word heard only")
                .extracting(CallHit::callId).containsExactly("c-1");
    }

    @Test
    default void aWordALetterOffIsFoundByItsSpellingAndSaysSo() {
        callIndex().indexAll(List.of(call("c-1", "agent1", customer(1.0, "i want a refnd for the jacket")),
                call("c-2", "agent1", customer(1.0, "i want to exchange the jacket"))));
        awaitUtterances("", 2);
        awaitCalls(2);

        List<CallHit> hits = callIndex().search(query("refund jacket"));

        assertThat(hits).extracting(CallHit::callId).containsExactly("c-1", "c-2");
        assertThat(hits.getFirst().matchedBy()).as("refnd sounds like refund, and is a letter off")
                .containsExactly("exact", "sounds-like", "spelling");
        assertThat(hits.get(1).matchedBy()).as("the jacket itself, said as it is").containsExactly("exact");
    }

    @Test
    default void fieldValuesMatchWhateverTheCaseTheUserTyped() {
        IndexedCall call = call("c-1", "agent1", customer(1.0, "my parcel arrived damaged"));
        callIndex().indexAll(List.of(new IndexedCall(call.call().wrappedUp("complaint-logistics", true, false),
                call.utterances()), call("c-2", "agent2", customer(1.0, "where is my parcel"))));
        awaitUtterances("", 2);
        awaitCalls(2);

        for (String q : List.of("outcome:answered agent:AGENT1", "agent:Agent1 queue:SUPPORT",
                "choice:Returns-Exchanges-Repairs type:COMPLAINT-logistics", "agent:AGENT1* resolved:TRUE",
                "followup:False type:Complaint*")) {
            assertThat(callIndex().search(query(q))).as(q).extracting(h -> h.callId()).containsExactly("c-1");
            assertThat(utterances(q + " speaker:CUSTOMER")).as(q).extracting(UtteranceHit::callId)
                    .containsExactly("c-1");
        }
        assertThat(callIndex().search(query("outcome:answered"))).hasSize(2);
        assertThat(callIndex().searchUtterances(new SearchQuery("agent:AGENT1", Optional.of("agent2"), 10)))
                .as("the agent's own scope is not widened").isEmpty();
    }

    @Test
    default void aChineseCallIsSegmentedAndFoundByAChineseWord() {
        IndexedCall english = call("c-1", "agent1", customer(1.0, "my parcel arrived damaged"));
        IndexedCall chinese = new IndexedCall(call("c-2", "agent1").call(),
                List.of(customer(1.0, "我 的 包裹 到 了 但是 坏 了")), "zh");
        callIndex().indexAll(List.of(english, chinese));
        awaitUtterances("", 2);

        assertThat(utterances("包裹")).singleElement().satisfies(h -> {
            assertThat(h.callId()).isEqualTo("c-2");
            assertThat(h.highlighted()).contains("<em>包裹</em>");
        });
        assertThat(utterances("parcel")).extracting(UtteranceHit::callId).containsExactly("c-1");
    }

    private List<UtteranceHit> utterances(String text) {
        return callIndex().searchUtterances(query(text));
    }

    private void awaitUtterances(String text, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> utterances(text).size() >= count);
    }

    /** The calls index refreshes apart from the utterances index: its documents may show a moment later. */
    private void awaitCalls(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> callIndex().search(query("")).size() >= count);
    }

    static SearchQuery query(String text) {
        return new SearchQuery(text, Optional.empty(), 50);
    }

    static IndexedCall call(String callId, String agent, Utterance... utterances) {
        String text = String.join(" ", java.util.Arrays.stream(utterances).map(Utterance::text).toList());
        return new IndexedCall(new CallDocument(callId, "2026-01-05T10:00:00Z", "2026-01-05T10:02:00Z", 120,
                "ANSWERED", "queue", "returns-exchanges-repairs", "support", agent, callId, null, text),
                List.of(utterances));
    }

    static Utterance customer(double start, String text) {
        return utterance(Speaker.CUSTOMER, start, text);
    }

    static Utterance agent(double start, String text) {
        return utterance(Speaker.AGENT, start, text);
    }

    private static Utterance utterance(Speaker speaker, double start, String text) {
        double end = start + text.split(" ").length * 0.3;
        return new Utterance(speaker, start, end, text, List.of(new Word(text.split(" ")[0], start, start + 0.3, 0.9)));
    }
}
