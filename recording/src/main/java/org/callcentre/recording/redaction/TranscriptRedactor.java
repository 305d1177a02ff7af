package org.callcentre.recording.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callcentre.recording.transcription.Transcript;
import org.callcentre.recording.transcription.Utterance;
import org.callcentre.recording.transcription.Word;

/**
 * Masks what must not be indexed: spoken card numbers (runs of 13 to 19 digits, from number
 * words, that pass the Luhn check; see {@link #markLuhnWindows}) and configured patterns (regular expressions over an
 * utterance's words, by name). Masked words become {@code [kind]} in the text; their timings are
 * kept so the same stretch can be silenced in the audio. What the recogniser nearly heard (an
 * utterance's alternatives) is masked on the safe side, as it is never shown but is searched: an
 * alternative at the time of a masked stretch, one that a configured pattern matches, and any
 * spoken digit are dropped. Stateless and thread-safe.
 */
public final class TranscriptRedactor {

    static final String CARD = "card-number";
    private static final int MIN_CARD = 13;
    private static final int MAX_CARD = 19;

    private final Map<String, Pattern> patterns;

    /** @param patterns name to regular expression, matched case-insensitively against the words */
    public TranscriptRedactor(Map<String, String> patterns) {
        this.patterns = new java.util.TreeMap<>();
        patterns.forEach((name, regex) -> this.patterns.put(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE)));
    }

    public Redaction redact(Transcript transcript) {
        List<Utterance> out = new ArrayList<>();
        List<Redaction.Masked> log = new ArrayList<>();
        for (Utterance u : transcript.utterances()) {
            String[] kinds = new String[u.words().size()];
            cards(u.words(), kinds);
            patterns(u.words(), kinds);
            out.add(masked(u, kinds, log).withAlternatives(alternatives(u, kinds)));
        }
        return new Redaction(new Transcript(out), log);
    }

    /** Marks digit runs (or 13-19 digit windows of longer runs) that pass the Luhn check. */
    private static void cards(List<Word> words, String[] kinds) {
        int i = 0;
        while (i < words.size()) {
            if (SpokenDigits.digits(words.get(i).text()).isEmpty()) {
                i++;
                continue;
            }
            int from = i;
            List<String> digitsPerWord = new ArrayList<>();
            while (i < words.size() && SpokenDigits.digits(words.get(i).text()).isPresent()) {
                digitsPerWord.add(SpokenDigits.digits(words.get(i).text()).orElseThrow());
                i++;
            }
            markLuhnWindows(from, digitsPerWord, kinds);
        }
    }

    /**
     * A run of card length is a card number when it passes Luhn. A longer run (a card number said
     * after other digits) is masked wherever a card-length window of it passes: over-masking a
     * long digit run is the safe side. Shorter runs (order numbers, dates) are left alone.
     */
    private static void markLuhnWindows(int from, List<String> digitsPerWord, String[] kinds) {
        String all = String.join("", digitsPerWord);
        if (all.length() < MIN_CARD) {
            return;
        }
        if (all.length() <= MAX_CARD) {
            if (SpokenDigits.luhn(all)) {
                java.util.Arrays.fill(kinds, from, from + digitsPerWord.size(), CARD);
            }
            return;
        }
        for (int a = 0; a < digitsPerWord.size(); a++) {
            StringBuilder digits = new StringBuilder();
            for (int b = a; b < digitsPerWord.size() && digits.length() < MAX_CARD; b++) {
                digits.append(digitsPerWord.get(b));
                if (digits.length() >= MIN_CARD && digits.length() <= MAX_CARD && SpokenDigits.luhn(digits.toString())) {
                    java.util.Arrays.fill(kinds, from + a, from + b + 1, CARD);
                }
            }
        }
    }

    private void patterns(List<Word> words, String[] kinds) {
        StringBuilder text = new StringBuilder();
        int[] startOf = new int[words.size()];
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                text.append(' ');
            }
            startOf[i] = text.length();
            text.append(words.get(i).text());
        }
        patterns.forEach((name, pattern) -> {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                for (int i = 0; i < words.size(); i++) {
                    int end = startOf[i] + words.get(i).text().length();
                    if (startOf[i] < m.end() && end > m.start() && kinds[i] == null) {
                        kinds[i] = name;
                    }
                }
            }
        });
    }

    /** The utterance's alternatives that reveal nothing masked: see the class comment. */
    private List<Word> alternatives(Utterance u, String[] kinds) {
        List<Word> masked = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] != null) {
                masked.add(u.words().get(i));
            }
        }
        return u.alternatives().stream()
                .filter(a -> masked.stream().noneMatch(m -> a.start() < m.end() && m.start() < a.end()))
                .filter(a -> SpokenDigits.digits(a.text()).isEmpty())
                .filter(a -> patterns.values().stream().noneMatch(p -> p.matcher(a.text()).find()))
                .toList();
    }

    private static Utterance masked(Utterance u, String[] kinds, List<Redaction.Masked> log) {
        List<Word> words = new ArrayList<>();
        List<String> text = new ArrayList<>();
        int i = 0;
        while (i < kinds.length) {
            if (kinds[i] == null) {
                words.add(u.words().get(i));
                text.add(u.words().get(i).text());
                i++;
                continue;
            }
            int from = i;
            while (i < kinds.length && kinds[from].equals(kinds[i])) {
                i++;
            }
            Word first = u.words().get(from);
            Word last = u.words().get(i - 1);
            String marker = "[" + kinds[from] + "]";
            words.add(new Word(marker, first.start(), last.end(), 1.0));
            text.add(marker);
            log.add(new Redaction.Masked(u.speaker(), first.start(), last.end(), kinds[from], i - from));
        }
        boolean changed = java.util.Arrays.stream(kinds).anyMatch(java.util.Objects::nonNull);
        return changed ? u.withWords(String.join(" ", text), words) : u;
    }
}
