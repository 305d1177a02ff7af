package org.callcentre.ivr.flow.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallerNumberTest {

    @ParameterizedTest
    @CsvSource({"5551234,5551234", "+86 138-0013-8000,+8613800138000", "(030) 1234.567,0301234567"})
    void separatorsAreStrippedFromAPlausibleNumber(String raw, String expected) {
        assertThat(CallerNumber.from(raw)).contains(new CallerNumber(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "anonymous", "12", "1234567890123456", "555'; drop table", "555\n1234",
            "../../etc/passwd", "++5551234", "5551234&admin=1"})
    void anythingElseIsNoNumberAtAll(String raw) {
        assertThat(CallerNumber.from(raw)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void absurdlyLongCallerIdIsRefusedBeforeAnyParsing() {
        assertThat(CallerNumber.from("5".repeat(10_000))).isEmpty();
        assertThat(CallerNumber.from(null)).isEmpty();
    }
}
