package org.callcentre.recording.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.phonetic.DoubleMetaphoneFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The sounds-like form of analysed transcript tokens: each token's Double Metaphone code (Lucene's
 * phonetic analysis, run in the application like the rest of the analysis), so that a word the
 * recogniser wrote with another spelling of the same sound ("rood" for "rude") still matches. It
 * is computed from the same tokens on both sides, the stems of English words included, so the
 * index and the query always agree. Tokens with no Latin letters (Chinese words) have no code.
 * Thread-safe.
 */
final class SoundsLike {

    /** Long enough to tell "parcel" from "partial", short enough to forgive an ending misheard. */
    static final int CODE_LENGTH = 6;

    private final Analyzer phonetic = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new WhitespaceTokenizer();
            return new TokenStreamComponents(source, new DoubleMetaphoneFilter(source, CODE_LENGTH, false));
        }
    };

    /** "parcel arriv damag" -> "PRSL ARF TMK"; empty when no token has a code. */
    String codes(String tokens) {
        return String.join(" ", codeList(tokens));
    }

    /** The codes of one token (Double Metaphone's primary and, where it differs, alternate). */
    List<String> codesOf(String token) {
        return codeList(token).stream().distinct().toList();
    }

    private List<String> codeList(String tokens) {
        List<String> codes = new ArrayList<>();
        try (TokenStream ts = phonetic.tokenStream("sounds", tokens)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.chars().anyMatch(c -> c < 128 && Character.isLetter(c))) {
                    codes.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }
}
