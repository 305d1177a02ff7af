package org.callcentre.recording.index;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Elasticsearch highlights the analysed tokens it matched ("parcel arriv <em>damag</em>"); users
 * read the words as recognised. This marks each recognised word whose analysed form is one of the
 * matched tokens, so a phrase match highlights the words of the phrase.
 */
final class Highlights {

    private static final Pattern EM = Pattern.compile("<em>(.*?)</em>");

    private final TranscriptAnalysis analysis;

    Highlights(TranscriptAnalysis analysis) {
        this.analysis = analysis;
    }

    String mark(String words, List<String> tokenFragments) {
        return mark(words, tokenFragments, TranscriptAnalysis.ENGLISH);
    }

    /** As {@link #mark(String, List)}, analysing the words in the utterance's language. */
    String mark(String words, List<String> tokenFragments, String language) {
        Set<String> matched = new HashSet<>();
        for (String fragment : tokenFragments) {
            Matcher m = EM.matcher(fragment);
            while (m.find()) {
                matched.addAll(List.of(m.group(1).split(" "))); // a phrase is marked as one run
            }
        }
        if (matched.isEmpty()) {
            return words;
        }
        StringBuilder out = new StringBuilder();
        for (String word : words.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            List<String> tokens = List.of(analysis.tokens(word, language).split(" "));
            boolean hit = tokens.stream().anyMatch(matched::contains);
            out.append(hit ? "<em>" + word + "</em>" : word);
        }
        return out.toString();
    }
}
