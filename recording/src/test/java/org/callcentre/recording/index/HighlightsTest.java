package org.callcentre.recording.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightsTest {

    private final Highlights highlights = new Highlights(new TranscriptAnalysis());

    @Test
    void recognisedWordsWhoseStemMatchedAreMarked() {
        String marked = highlights.mark("the parcel arrived damaged", List.of("<em>parcel arriv</em> damag"));

        assertThat(marked).isEqualTo("the <em>parcel</em> <em>arrived</em> damaged");
    }

    @Test
    void withoutMatchedTokensTheWordsAreUnchanged() {
        assertThat(highlights.mark("thank you for calling", List.of())).isEqualTo("thank you for calling");
    }
}
