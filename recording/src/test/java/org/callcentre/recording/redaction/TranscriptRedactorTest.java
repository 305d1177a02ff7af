package org.callcentre.recording.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callcentre.recording.transcription.Speaker;
import org.callcentre.recording.transcription.Transcript;
import org.callcentre.recording.transcription.Utterance;
import org.callcentre.recording.transcription.Word;
import org.junit.jupiter.api.Test;

class TranscriptRedactorTest {

    private final TranscriptRedactor redactor = new TranscriptRedactor(Map.of("security-code",
            "security code is( (zero|one|two|three|four|five|six|seven|eight|nine))+"));

    @Test
    void aSpokenCardNumberPassingLuhnIsMaskedAndLoggedWithItsTimes() {
        // 4111 1111 1111 1111 is a Luhn-valid test card number
        Redaction r = redactor.redact(transcript("my card is four one one one one one one one one one one one one one "
                + "one one thank you"));

        assertThat(r.transcript().text()).isEqualTo("my card is [card-number] thank you");
        assertThat(r.masked()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("card-number");
            assertThat(m.words()).isEqualTo(16);
            assertThat(m.speaker()).isEqualTo(Speaker.CUSTOMER);
            assertThat(m.start()).isEqualTo(3.0);
            assertThat(m.end()).isEqualTo(18.5);
        });
    }

    @Test
    void aDigitRunFailingLuhnIsLeftAlone() {
        Redaction r = redactor.redact(transcript("order four one one one one one one one one one one one one one one "
                + "two"));

        assertThat(r.masked()).isEmpty();
        assertThat(r.transcript().text()).contains("one one two");
    }

    @Test
    void shortNumbersSuchAsOrderNumbersAreNotCardNumbers() {
        assertThat(redactor.redact(transcript("the order number is four five two one")).masked()).isEmpty();
    }

    @Test
    void aCardNumberSaidAfterOtherDigitsIsStillMasked() {
        Redaction r = redactor.redact(transcript("zero zero zero zero four one one one one one one one one one one one "
                + "one one one one"));

        assertThat(r.transcript().text()).isEqualTo("zero [card-number]");
    }

    @Test
    void configuredPatternsAreMaskedByName() {
        Redaction r = redactor.redact(transcript("and the security code is seven three two okay"));

        assertThat(r.transcript().text()).isEqualTo("and the [security-code] okay");
        assertThat(r.masked()).extracting(Redaction.Masked::kind).containsExactly("security-code");
    }

    @Test
    void whatTheRecogniserNearlyHeardWithinAMaskedStretchOrMatchingAPatternOrSpokenDigitsIsDropped() {
        Transcript heard = transcript("my card is four one one one one one one one one one one one one one one one "
                + "thanks mate");
        Utterance u = heard.utterances().getFirst().withAlternatives(List.of(
                new Word("fork", 4.0, 4.5, 0.2),      // during the card number
                new Word("nine", 19.0, 19.4, 0.1),    // a spoken digit, anywhere
                new Word("code", 20.0, 20.5, 0.1),    // matched by a pattern (security code ...)
                new Word("thank", 19.0, 19.5, 0.3),   // harmless: kept
                new Word("carrier", 1.0, 1.5, 0.2))); // harmless: kept
        TranscriptRedactor redactor = new TranscriptRedactor(Map.of("code", "code"));

        Redaction r = redactor.redact(new Transcript(List.of(u)));

        assertThat(r.transcript().text()).isEqualTo("my card is [card-number] thanks mate");
        assertThat(r.transcript().utterances().getFirst().alternatives()).extracting(Word::text)
                .containsExactly("thank", "carrier");
    }

    @Test
    void alternativesOfAnUtteranceWithNothingMaskedAreKept() {
        Utterance u = transcript("the courier left").utterances().getFirst()
                .withAlternatives(List.of(new Word("carrier", 1.0, 1.5, 0.4)));

        Redaction r = redactor.redact(new Transcript(List.of(u)));

        assertThat(r.transcript().utterances().getFirst().alternatives()).extracting(Word::text)
                .containsExactly("carrier");
    }

    /** One customer utterance, a word a second, starting at 0. */
    private static Transcript transcript(String text) {
        List<Word> words = new ArrayList<>();
        double t = 0;
        for (String w : text.split(" ")) {
            words.add(new Word(w, t, t + 0.5, 0.9));
            t += 1;
        }
        return new Transcript(List.of(new Utterance(Speaker.CUSTOMER, 0, t, text, words)));
    }
}
