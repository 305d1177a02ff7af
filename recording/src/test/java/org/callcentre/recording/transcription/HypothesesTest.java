package org.callcentre.recording.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HypothesesTest {

    @Test
    void theBestHypothesisIsTheTranscriptWhateverOrderTheyCameIn() {
        Hypotheses h = Hypotheses.of(List.of(hypothesis(-3, "the carrier left"), hypothesis(-1, "the courier left")));

        assertThat(h.utterance(Speaker.CUSTOMER)).hasValueSatisfying(u -> {
            assertThat(u.text()).isEqualTo("the courier left");
            assertThat(u.start()).isEqualTo(0.0);
            assertThat(u.end()).isEqualTo(2.5);
        });
    }

    @Test
    void aWordAllHypothesesAgreeOnIsCertainAndADisputedOneHasTheShareOfThoseThatHaveIt() {
        // log-likelihoods 0 and ln(1/3): probabilities 3/4 and 1/4
        Hypotheses h = Hypotheses.of(List.of(hypothesis(0, "the courier left"),
                hypothesis(Math.log(1.0 / 3), "the carrier left")));

        Utterance u = h.utterance(Speaker.CUSTOMER).orElseThrow();

        assertThat(u.words()).extracting(Word::confidence).containsExactly(1.0, 0.75, 1.0);
        assertThat(u.alternatives()).singleElement().satisfies(a -> {
            assertThat(a.text()).isEqualTo("carrier");
            assertThat(a.start()).isEqualTo(1.0);
            assertThat(a.confidence()).isCloseTo(0.25, within(1e-9));
        });
    }

    @Test
    void anAlternativeHeardByMoreThanOneHypothesisIsKeptOnceWithTheirSharesAdded() {
        Hypotheses h = Hypotheses.of(List.of(hypothesis(0, "the courier left"), hypothesis(0, "the carrier left"),
                hypothesis(0, "a carrier left")));

        Utterance u = h.utterance(Speaker.CUSTOMER).orElseThrow();

        assertThat(u.alternatives()).extracting(Word::text).containsExactly("carrier", "a");
        assertThat(u.alternatives().getFirst().confidence()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(u.words().getFirst().confidence()).as("'the' in two of three").isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void theSameWordAtAnotherTimeIsAnAlternativeNotAnAgreement() {
        Hypotheses h = Hypotheses.of(List.of(hypothesis(0, "parcel late"), hypothesis(0, "late parcel")));

        Utterance u = h.utterance(Speaker.CUSTOMER).orElseThrow();

        assertThat(u.words()).extracting(Word::confidence).containsExactly(0.5, 0.5);
        assertThat(u.alternatives()).extracting(Word::text).containsExactly("late", "parcel");
    }

    @Test
    void aBestHypothesisWithoutWordsIsNoUtterance() {
        assertThat(Hypotheses.of(List.of(hypothesis(0, ""), hypothesis(-2, "huh"))).utterance(Speaker.AGENT))
                .isEmpty();
        assertThat(Hypotheses.of(List.of()).utterance(Speaker.AGENT)).isEmpty();
    }

    /** Words a second apart, each half a second long, from 0. */
    private static Hypotheses.Hypothesis hypothesis(double logLikelihood, String text) {
        List<Word> words = new ArrayList<>();
        double t = 0;
        for (String w : text.isEmpty() ? new String[0] : text.split(" ")) {
            words.add(new Word(w, t, t + 0.5, 1));
            t += 1;
        }
        return new Hypotheses.Hypothesis(logLikelihood, words);
    }
}
