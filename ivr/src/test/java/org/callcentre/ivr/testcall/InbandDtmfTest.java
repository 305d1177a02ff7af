package org.callcentre.ivr.testcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InbandDtmfTest {

    @Test
    void eachKeyIsItsTwoFrequenciesThenAGap() {
        assertThat(InbandDtmf.toneList("4*#"))
                .isEqualTo("770+1209/150,0/100,941+1209/150,0/100,941+1477/150,0/100");
    }

    @Test
    void somethingThatIsNotAKeyIsRefused() {
        assertThatThrownBy(() -> InbandDtmf.toneList("1w")).hasMessageContaining("'w' is not a DTMF key");
    }
}
