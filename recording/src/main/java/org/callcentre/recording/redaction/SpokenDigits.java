package org.callcentre.recording.redaction;

import java.util.Map;
import java.util.Optional;

/**
 * What a recognizer writes for spoken digits: Vosk's English model emits number words ("four one
 * one one"), "oh" for zero, and sometimes a word of digits. Maps one word to its digits.
 */
final class SpokenDigits {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("zero", "0"), Map.entry("oh", "0"), Map.entry("o", "0"), Map.entry("nought", "0"),
            Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("for", "4"), Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"),
            Map.entry("eight", "8"), Map.entry("nine", "9"));

    private SpokenDigits() {
    }

    static Optional<String> digits(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        if (w.matches("[0-9]{1,19}")) {
            return Optional.of(w);
        }
        return Optional.ofNullable(WORDS.get(w));
    }

    /** The Luhn check that every payment card number passes. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
