package org.callcentre.recording.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Language analysis done in the application (Lucene's analyzers), not in Elasticsearch: the
 * distribution we run has no analysis module, and this way the same index works on any cluster.
 * Text is indexed as its analysed tokens separated by spaces, in a field with the
 * {@code whitespace} analyzer; queries are analysed by the same {@link Analyzer}.
 */
final class TranscriptAnalysis {

    private final Analyzer analyzer = new EnglishAnalyzer();

    Analyzer analyzer() {
        return analyzer;
    }

    /** "The parcel arrived damaged" -> "parcel arriv damag". */
    String tokens(String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("transcript", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(" ", tokens);
    }
}
