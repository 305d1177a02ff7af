package org.callcentre.recording.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Language analysis done in the application (Lucene's analyzers), not in Elasticsearch: the
 * distribution we run has no analysis module, and this way the same index works on any cluster.
 * Text is indexed as its analysed tokens separated by spaces, in a field with the
 * {@code whitespace} analyzer; queries are analysed by the same {@link Analyzer}. The analyzer
 * is chosen by the call's language: English (stemming, stop words) or Chinese (smartcn word
 * segmentation); a query in Han script is analysed as Chinese. Thread-safe.
 */
final class TranscriptAnalysis {

    static final String ENGLISH = "en";
    static final String CHINESE = "zh";

    private final Map<String, Analyzer> analyzers = Map.of(ENGLISH, new EnglishAnalyzer(),
            CHINESE, new SmartChineseAnalyzer());

    Analyzer analyzer() {
        return analyzers.get(ENGLISH);
    }

    /** The analyzer of a language; unknown languages are analysed as English. */
    Analyzer analyzer(String language) {
        return analyzers.getOrDefault(language, analyzer());
    }

    /** The language a query is written in, as far as analysis cares: Chinese if it has Han characters. */
    static String languageOf(String query) {
        return query.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? CHINESE : ENGLISH;
    }

    /** "The parcel arrived damaged" -> "parcel arriv damag". */
    String tokens(String text) {
        return tokens(text, ENGLISH);
    }

    /** "我的包裹坏了" (zh) -> "我 的 包裹 坏 了". */
    String tokens(String text, String language) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer(language).tokenStream("transcript", text)) {
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
