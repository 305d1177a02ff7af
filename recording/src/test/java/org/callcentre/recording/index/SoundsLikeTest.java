package org.callcentre.recording.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoundsLikeTest {

    private final SoundsLike sounds = new SoundsLike();
    private final TranscriptAnalysis analysis = new TranscriptAnalysis();

    @Test
    void wordsSpeltDifferentlyThatSoundTheSameShareACode() {
        assertThat(sounds.codesOf("rood")).isEqualTo(sounds.codesOf("rude")).containsExactly("RT");
        assertThat(sounds.codesOf(analysis.tokens("refnd"))).isEqualTo(sounds.codesOf(analysis.tokens("refund")));
    }

    @Test
    void wordsThatSoundDifferentDoNot() {
        assertThat(sounds.codesOf("parcel")).doesNotContainAnyElementsOf(sounds.codesOf("partial"));
    }

    @Test
    void aTranscriptsTokensBecomeTheirCodesInOrderWithAlternateCodesBeside() {
        assertThat(sounds.codes(analysis.tokens("the parcel arrived damaged"))).isEqualTo("PRSL ARF TMK");
        assertThat(sounds.codes("jacket")).isEqualTo("JKT AKT");
    }

    @Test
    void chineseWordsHaveNoCode() {
        assertThat(sounds.codes(analysis.tokens("我的包裹坏了", TranscriptAnalysis.CHINESE))).isEmpty();
    }
}
