package org.callcentre.recording.transcription;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The recognizer's hypotheses of one utterance (its n-best list), each with its log-likelihood.
 * Their probabilities, normalised over the list, say how sure the recognizer is of each word:
 * the best hypothesis is the transcript, and each of its words is as confident as the share of
 * probability held by the hypotheses with the same word at the same time. A word that other
 * hypotheses have there instead is an alternative, with the share of the hypotheses that have it.
 */
final class Hypotheses {

    record Hypothesis(double logLikelihood, List<Word> words) {
        Hypothesis {
            words = List.copyOf(words);
        }
    }

    private final List<Hypothesis> ranked;
    private final double[] probability;

    private Hypotheses(List<Hypothesis> ranked, double[] probability) {
        this.ranked = ranked;
        this.probability = probability;
    }

    static Hypotheses of(List<Hypothesis> hypotheses) {
        List<Hypothesis> ranked = hypotheses.stream()
                .sorted(Comparator.comparingDouble(Hypothesis::logLikelihood).reversed()).toList();
        double[] probability = new double[ranked.size()];
        if (!ranked.isEmpty()) {
            double best = ranked.getFirst().logLikelihood();
            double sum = 0;
            for (int i = 0; i < ranked.size(); i++) {
                probability[i] = Math.exp(ranked.get(i).logLikelihood() - best);
                sum += probability[i];
            }
            for (int i = 0; i < probability.length; i++) {
                probability[i] /= sum;
            }
        }
        return new Hypotheses(ranked, probability);
    }

    /** The best hypothesis as an utterance, with confidences and alternatives; empty if it has no words. */
    Optional<Utterance> utterance(Speaker speaker) {
        if (ranked.isEmpty() || ranked.getFirst().words().isEmpty()) {
            return Optional.empty();
        }
        List<Word> best = ranked.getFirst().words();
        List<Word> words = best.stream()
                .map(w -> new Word(w.text(), w.start(), w.end(), share(w))).toList();
        String text = best.stream().map(Word::text).collect(Collectors.joining(" "));
        return Optional.of(new Utterance(speaker, best.getFirst().start(), best.getLast().end(), text, words,
                alternatives(best)));
    }

    /** The probability of the hypotheses that have this word at this time. */
    private double share(Word word) {
        double share = 0;
        for (int i = 0; i < ranked.size(); i++) {
            if (ranked.get(i).words().stream().anyMatch(w -> sameWordThen(w, word))) {
                share += probability[i];
            }
        }
        return Math.min(1, share);
    }

    /** Words the other hypotheses have where the best has not, each once, with their share. */
    private List<Word> alternatives(List<Word> best) {
        List<Word> alternatives = new ArrayList<>();
        for (int i = 1; i < ranked.size(); i++) {
            for (Word w : ranked.get(i).words()) {
                if (best.stream().anyMatch(b -> sameWordThen(b, w))) {
                    continue;
                }
                int seen = indexOfSame(alternatives, w);
                if (seen < 0) {
                    alternatives.add(new Word(w.text(), w.start(), w.end(), probability[i]));
                } else {
                    Word a = alternatives.get(seen);
                    alternatives.set(seen, new Word(a.text(), a.start(), a.end(),
                            Math.min(1, a.confidence() + probability[i])));
                }
            }
        }
        return alternatives;
    }

    private static int indexOfSame(List<Word> words, Word word) {
        for (int i = 0; i < words.size(); i++) {
            if (sameWordThen(words.get(i), word)) {
                return i;
            }
        }
        return -1;
    }

    /** The same word at the same time: either's middle falls within the other. */
    static boolean sameWordThen(Word a, Word b) {
        return a.text().equals(b.text()) && (within(middle(a), b) || within(middle(b), a));
    }

    private static double middle(Word w) {
        return (w.start() + w.end()) / 2;
    }

    private static boolean within(double t, Word w) {
        return t >= w.start() && t <= w.end();
    }
}
