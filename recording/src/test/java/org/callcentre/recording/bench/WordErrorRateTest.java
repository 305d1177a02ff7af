package org.callcentre.recording.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordErrorRateTest {

    @Test
    void countsSubstitutionsDeletionsAndInsertionsAgainstTheReference() {
        WordErrorRate wer = WordErrorRate.of("the parcel arrived damaged", "a parcel arrived damaged today");

        assertThat(wer.errors()).isEqualTo(2);
        assertThat(wer.rate()).isEqualTo(0.5);
    }

    @Test
    void punctuationAndCaseDoNotCount() {
        assertThat(WordErrorRate.of("Thank you, goodbye.", "thank you goodbye").errors()).isZero();
    }
}
