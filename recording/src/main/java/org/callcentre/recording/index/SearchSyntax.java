package org.callcentre.recording.index;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermQuery;
import org.callcentre.recording.InvalidSearchQuery;

/**
 * The user's search syntax, parsed by Lucene's classic query parser (so the syntax and its error
 * messages are Lucene's, well known to QA tools) with the transcript analyser, then translated
 * to an Elasticsearch query. Anything outside the supported subset is refused with a reason.
 */
final class SearchSyntax {

    static final String TRANSCRIPT = "transcript";

    /**
     * What a query searches: call documents (their whole transcript) or utterance documents (one
     * speaker's stretch of speech, so {@code speaker:customer} can restrict who said it). Maps the
     * field names users may type to index fields holding exact values.
     */
    enum Target {
        CALLS("transcript", Map.of("agent", "agent", "queue", "queue", "choice", "menu_choice",
                "outcome", "outcome", "type", "business_type", "resolved", "resolved", "followup", "follow_up")),
        UTTERANCES("text", Map.of("agent", "agent", "queue", "queue", "choice", "menu_choice",
                "outcome", "outcome", "speaker", "speaker", "type", "business_type", "resolved", "resolved"));

        final String textField;
        final Map<String, String> keywordFields;

        Target(String textField, Map<String, String> keywordFields) {
            this.textField = textField;
            this.keywordFields = keywordFields;
        }
    }

    private final Map<String, Analyzer> analyzers = new HashMap<>();

    SearchSyntax(TranscriptAnalysis analysis) {
        Map<String, Analyzer> perField = Stream.of(Target.values())
                .flatMap(t -> t.keywordFields.keySet().stream())
                .collect(Collectors.toMap(f -> f, f -> new KeywordAnalyzer(), (a, b) -> a, HashMap::new));
        // indexed as "customer" / "agent", and as booleans
        for (String lowerCase : List.of("speaker", "resolved", "followup")) {
            perField.put(lowerCase, new LowerCaseKeywordAnalyzer());
        }
        for (String language : List.of(TranscriptAnalysis.ENGLISH, TranscriptAnalysis.CHINESE)) {
            analyzers.put(language, new PerFieldAnalyzerWrapper(analysis.analyzer(language), perField));
        }
    }

    Query parse(String text) {
        return parse(text, Target.CALLS);
    }

    Query parse(String text, Target target) {
        if (text.isBlank()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        QueryParser parser = new QueryParser(TRANSCRIPT, analyzers.get(TranscriptAnalysis.languageOf(text)));
        parser.setDefaultOperator(QueryParserBase.AND_OPERATOR);
        parser.setAllowLeadingWildcard(false);
        try {
            return new Translation(target).translate(parser.parse(text));
        } catch (ParseException e) {
            throw new InvalidSearchQuery("bad search syntax: " + firstLine(e.getMessage()));
        }
    }

    /** One query's translation into Elasticsearch's query DSL, for one target. */
    private record Translation(Target target) {

        private Query translate(org.apache.lucene.search.Query q) {
            return switch (q) {
                case TermQuery t -> term(t.getTerm());
                case PhraseQuery p -> phrase(p);
                case PrefixQuery p -> Query.of(x -> x.prefix(f -> f.field(field(p.getPrefix().field()))
                        .value(p.getPrefix().text())));
                case BooleanQuery b -> bool(b);
                case BoostQuery b -> translate(b.getQuery());
                case MatchAllDocsQuery m -> Query.of(x -> x.matchAll(a -> a));
                case MatchNoDocsQuery m -> Query.of(x -> x.matchNone(a -> a));
                default -> throw new InvalidSearchQuery("unsupported search construct: " + q);
            };
        }

        private Query term(Term t) {
            return Query.of(x -> x.term(f -> f.field(field(t.field())).value(t.text())));
        }

        private Query phrase(PhraseQuery p) {
            Term[] terms = p.getTerms();
            int[] positions = p.getPositions();
            // Stop words leave gaps in positions; the indexed tokens have none, so allow that slop.
            int gaps = positions.length == 0 ? 0 : positions[positions.length - 1] - positions[0] - (terms.length - 1);
            String words = Arrays.stream(terms).map(Term::text).collect(Collectors.joining(" "));
            String field = terms.length == 0 ? target.textField : field(terms[0].field());
            return Query.of(x -> x.matchPhrase(m -> m.field(field).query(words).slop(p.getSlop() + gaps)));
        }

        private Query bool(BooleanQuery b) {
            BoolQuery.Builder out = new BoolQuery.Builder();
            for (BooleanClause c : b.clauses()) {
                Query sub = translate(c.query());
                switch (c.occur()) {
                    case MUST -> out.must(sub);
                    case SHOULD -> out.should(sub);
                    case MUST_NOT -> out.mustNot(sub);
                    case FILTER -> out.filter(sub);
                }
            }
            return Query.of(x -> x.bool(out.build()));
        }

        private String field(String userField) {
            if (TRANSCRIPT.equals(userField)) {
                return target.textField;
            }
            String field = target.keywordFields.get(userField);
            if (field == null) {
                throw new InvalidSearchQuery("unknown field '" + userField + "'; fields are "
                        + String.join(", ", target.keywordFields.keySet().stream().sorted().toList()));
            }
            return field;
        }
    }

    /** The whole value as one lower-case term. */
    private static final class LowerCaseKeywordAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
