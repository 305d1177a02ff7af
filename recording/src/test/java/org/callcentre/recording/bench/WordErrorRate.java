package org.callcentre.recording.bench;

import java.util.Arrays;
import java.util.List;

/** Word error rate: (substitutions + deletions + insertions) / reference words, by edit distance. */
record WordErrorRate(int errors, int referenceWords) {

    static WordErrorRate of(String reference, String hypothesis) {
        List<String> ref = words(reference);
        List<String> hyp = words(hypothesis);
        int[] previous = new int[hyp.size() + 1];
        int[] current = new int[hyp.size() + 1];
        for (int j = 0; j <= hyp.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= ref.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= hyp.size(); j++) {
                int substitution = previous[j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return new WordErrorRate(previous[hyp.size()], ref.size());
    }

    WordErrorRate plus(WordErrorRate other) {
        return new WordErrorRate(errors + other.errors, referenceWords + other.referenceWords);
    }

    double rate() {
        return referenceWords == 0 ? 0 : (double) errors / referenceWords;
    }

    private static List<String> words(String text) {
        String clean = text.toLowerCase().replaceAll("[^a-z' ]", " ").strip();
        return clean.isEmpty() ? List.of() : Arrays.asList(clean.split("\\s+"));
    }
}
