package org.callcentre.recording.index;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
import org.callcentre.recording.RecordingProperties;

/**
 * The user's search syntax, parsed by Lucene's classic query parser (a syntax well known to QA
 * tools) with the transcript analyser, then translated to an Elasticsearch query. What the user
 * got wrong, or wrote but we do not support, is refused by {@link SyntaxCheck} first, in the
 * terms of the user's own query. A field's value matches whatever its case: the user cannot know
 * how an agent's name or an outcome is stored.
 *
 * <p>Plain words are ranked, not all required, because a transcript has some words misheard: a
 * call must contain a minimum share of them ({@code minimum-should-match}), and calls with all of
 * them, and with them as a phrase, score far above the rest. What the user made explicit stays
 * strict: a query with {@code AND}, {@code OR}, {@code NOT} (or {@code && || !}) is read as the
 * boolean it says, with adjacent words all required; {@code "quoted phrases"}, {@code +word},
 * {@code -word}, groups and field filters are required (or excluded) in any query.
 */
final class SearchSyntax {

    static final String TRANSCRIPT = "transcript";

    /** A field users may type, the index field holding its exact values, and how those are matched. */
    record Field(String indexName, Kind kind) {
        enum Kind { TEXT, KEYWORD, BOOLEAN }

        static Field keyword(String indexName) {
            return new Field(indexName, Kind.KEYWORD);
        }

        static Field bool(String indexName) {
            return new Field(indexName, Kind.BOOLEAN);
        }
    }

    /**
     * The call's fields. Both indices hold them (each utterance document carries its call's), so
     * they mean the same in a call search and an utterance search.
     */
    static final Map<String, Field> CALL_FIELDS = Map.of("agent", Field.keyword("agent"),
            "queue", Field.keyword("queue"), "choice", Field.keyword("menu_choice"),
            "outcome", Field.keyword("outcome"), "type", Field.keyword("business_type"),
            "resolved", Field.bool("resolved"), "followup", Field.bool("follow_up"));

    /**
     * What a query searches: call documents (their whole transcript) or utterance documents (one
     * speaker's stretch of speech, so {@code speaker:customer} can restrict who said it).
     */
    enum Target {
        CALLS("transcript", "transcript_sounds", "transcript_alternatives", CALL_FIELDS),
        UTTERANCES("text", "text_sounds", "text_alternatives", with(CALL_FIELDS, "speaker", Field.keyword("speaker")));

        final String textField;
        final String soundsField;
        final String alternativesField;
        final Map<String, Field> fields;

        Target(String textField, String soundsField, String alternativesField, Map<String, Field> fields) {
            this.textField = textField;
            this.soundsField = soundsField;
            this.alternativesField = alternativesField;
            this.fields = fields;
        }

        /** The fields users may type, in alphabetical order. */
        List<String> fieldNames() {
            return fields.keySet().stream().sorted().toList();
        }

        private static Map<String, Field> with(Map<String, Field> fields, String name, Field field) {
            Map<String, Field> all = new HashMap<>(fields);
            all.put(name, field);
            return Map.copyOf(all);
        }
    }

    /** Why a hit matched, as the names of the clauses that did (Elasticsearch's named queries). */
    enum Match {
        EXACT("exact"), PHRASE("phrase"), ALTERNATIVE("alternative"), SOUNDS_LIKE("sounds-like"),
        SPELLING("spelling");

        final String label;

        Match(String label) {
            this.label = label;
        }
    }

    /**
     * Weights of a plain word's approximate forms against its exact match (1): what the recogniser
     * itself nearly heard is the strongest evidence, then what sounds like the word, then spelling.
     */
    static final float ALTERNATIVE_WEIGHT = 0.6f;
    static final float SOUNDS_LIKE_WEIGHT = 0.5f;
    static final float SPELLING_WEIGHT = 0.3f;

    /** Score added to a call holding every plain word, far above what the words themselves score. */
    static final float ALL_WORDS_BOOST = 10;
    /** Score added to a call holding the plain words as a phrase (up to {@link #PHRASE_SLOP} apart). */
    static final float PHRASE_BOOST = 5;
    static final int PHRASE_SLOP = 2;

    /** Explicit boolean operators outside quotes; {@code -word} and {@code +word} are not among them. */
    private static final Pattern OPERATOR = Pattern.compile(
            "(?:^|[\\s()])(?:AND|OR|NOT)(?=[\\s()\"]|$)|(?:^|[\\s()])!|&&|\\|\\|");
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    private final Map<String, Analyzer> analyzers = new HashMap<>();
    private final String minimumShouldMatch;
    private final RecordingProperties.Index.Matching matching;
    private final SoundsLike soundsLike = new SoundsLike();

    SearchSyntax(TranscriptAnalysis analysis) {
        this(analysis, RecordingProperties.Index.DEFAULT_MINIMUM_SHOULD_MATCH, RecordingProperties.Index.Matching.RANKED);
    }

    SearchSyntax(TranscriptAnalysis analysis, String minimumShouldMatch, RecordingProperties.Index.Matching matching) {
        this.minimumShouldMatch = minimumShouldMatch;
        this.matching = matching;
        // every field (utterances have the calls' and speaker); speakers are indexed as "customer" / "agent",
        // booleans as true / false, other values as they came
        Map<String, Analyzer> perField = Target.UTTERANCES.fields.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, f -> f.getKey().equals("speaker")
                        || f.getValue().kind() == Field.Kind.BOOLEAN ? new LowerCaseKeywordAnalyzer()
                        : new KeywordAnalyzer()));
        for (String language : List.of(TranscriptAnalysis.ENGLISH, TranscriptAnalysis.CHINESE)) {
            analyzers.put(language, new PerFieldAnalyzerWrapper(analysis.analyzer(language), perField));
        }
    }

    Query parse(String text) {
        return parse(text, Target.CALLS);
    }

    /** @throws InvalidSearchQuery saying what is wrong, and where */
    Query parse(String text, Target target) {
        if (text.isBlank()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        SyntaxCheck.check(text, target);
        QueryParser parser = new Parser(analyzers.get(TranscriptAnalysis.languageOf(text)));
        boolean ranked = matching == RecordingProperties.Index.Matching.RANKED && !explicitBoolean(text);
        parser.setDefaultOperator(ranked ? QueryParserBase.OR_OPERATOR : QueryParserBase.AND_OPERATOR);
        parser.setAllowLeadingWildcard(false);
        try {
            org.apache.lucene.search.Query parsed = parser.parse(text);
            if (ranked && Translation.plainWord(parsed) != null) { // one plain word: ranked like several
                parsed = new BooleanQuery.Builder().add(parsed, BooleanClause.Occur.SHOULD).build();
            }
            return new Translation(target, ranked, minimumShouldMatch, soundsLike).translate(parsed);
        } catch (ParseException e) {
            throw SyntaxCheck.unreadable(text, e);
        }
    }

    /** Whether the user wrote boolean operators (outside quoted phrases): then the query is strict. */
    static boolean explicitBoolean(String text) {
        return OPERATOR.matcher(QUOTED.matcher(text).replaceAll(" ")).find();
    }

    /**
     * One query's translation into Elasticsearch's query DSL, for one target. {@code ranked}: the
     * query was parsed with OR between adjacent words, whose SHOULD clauses are the plain words.
     */
    private record Translation(Target target, boolean ranked, String minimumShouldMatch, SoundsLike soundsLike) {

        private Query translate(org.apache.lucene.search.Query q) {
            return switch (q) {
                case TermQuery t -> term(t.getTerm());
                case PhraseQuery p -> phrase(p);
                case PrefixQuery p -> prefix(p.getPrefix());
                case BooleanQuery b -> bool(b);
                case BoostQuery b -> translate(b.getQuery());
                case MatchAllDocsQuery m -> Query.of(x -> x.matchAll(a -> a));
                case MatchNoDocsQuery m -> Query.of(x -> x.matchNone(a -> a));
                // SyntaxCheck refuses fuzzy, wildcard, range and regular expression queries first
                default -> throw new InvalidSearchQuery("this search uses a kind of query that is not supported");
            };
        }

        private Query term(Term t) {
            Field f = field(t.field());
            if (f.kind() == Field.Kind.TEXT) {
                return exactWord(t.text());
            }
            return Query.of(x -> x.term(q -> q.field(f.indexName()).value(t.text()).caseInsensitive(anyCase(f))));
        }

        private Query prefix(Term t) {
            Field f = field(t.field());
            return Query.of(x -> x.prefix(q -> q.field(f.indexName()).value(t.text()).caseInsensitive(anyCase(f))));
        }

        /**
         * Keyword values match whatever the case typed; Elasticsearch has no case-insensitive
         * boolean (those are lower-cased by analysis) or text (analysed) term, so unset there.
         */
        private static Boolean anyCase(Field f) {
            return f.kind() == Field.Kind.KEYWORD ? Boolean.TRUE : null;
        }

        private Query phrase(PhraseQuery p) {
            Term[] terms = p.getTerms();
            int[] positions = p.getPositions();
            // Stop words leave gaps in positions; the indexed tokens have none, so allow that slop.
            int gaps = positions.length == 0 ? 0 : positions[positions.length - 1] - positions[0] - (terms.length - 1);
            String words = Arrays.stream(terms).map(Term::text).collect(Collectors.joining(" "));
            String field = terms.length == 0 ? target.textField : field(terms[0].field()).indexName();
            return Query.of(x -> x.matchPhrase(m -> m.field(field).query(words).slop(p.getSlop() + gaps)
                    .queryName(name(Match.PHRASE, "\"" + words + "\""))));
        }

        private Query bool(BooleanQuery b) {
            BoolQuery.Builder out = new BoolQuery.Builder();
            List<String> words = new ArrayList<>();
            for (BooleanClause c : b.clauses()) {
                String word = ranked && c.occur() == BooleanClause.Occur.SHOULD ? plainWord(c.query()) : null;
                if (word != null) {
                    words.add(word);
                    continue;
                }
                Query sub = translate(c.query());
                switch (c.occur()) {
                    // ranked: a SHOULD that is not a plain word is a phrase, a field or a group the user wrote
                    case MUST -> out.must(sub);
                    case SHOULD -> {
                        if (ranked) {
                            out.must(sub);
                        } else {
                            out.should(sub);
                        }
                    }
                    case MUST_NOT -> out.mustNot(sub);
                    case FILTER -> out.filter(sub);
                }
            }
            if (!words.isEmpty()) {
                rankWords(out, words);
            }
            return Query.of(x -> x.bool(out.build()));
        }

        /**
         * A plain word as it was said, or as the recogniser may have written it: the exact word,
         * a word of the recogniser's other hypotheses, its sounds-like codes, or a spelling one or
         * two letters off, each weighted below exact and each only for calls without the word itself.
         */
        private Forms heard(String word) {
            Query exact = exactWord(word);
            if (word.endsWith("*")) {
                return new Forms(exact, List.of(), List.of(), List.of());
            }
            Query plain = exactWord(word, null);
            List<Query> alternative = List.of(otherThan(plain, name(Match.ALTERNATIVE, word), Query.of(x -> x.term(
                    t -> t.field(target.alternativesField).value(word).boost(ALTERNATIVE_WEIGHT)))));
            List<Query> sounds = soundsLike.codesOf(word).stream()
                    .map(code -> otherThan(plain, name(Match.SOUNDS_LIKE, word + ":" + code),
                            Query.of(x -> x.term(t -> t.field(target.soundsField).value(code)
                                    .boost(SOUNDS_LIKE_WEIGHT))))).toList();
            List<Query> spelling = word.codePoints().allMatch(c -> c < 128) // no edit distance for a Chinese word
                    ? List.of(otherThan(plain, name(Match.SPELLING, word), Query.of(x -> x.fuzzy(f -> f
                            .field(target.textField).value(word).fuzziness("AUTO").prefixLength(1)
                            .transpositions(true).boost(SPELLING_WEIGHT)))))
                    : List.of();
            return new Forms(exact, alternative, sounds, spelling);
        }

        /** The ways one plain word may match. */
        private record Forms(Query exact, List<Query> alternative, List<Query> soundsLike, List<Query> spelling) {
            Query any() {
                List<Query> all = new ArrayList<>(List.of(exact));
                all.addAll(alternative);
                all.addAll(soundsLike);
                all.addAll(spelling);
                return Query.of(x -> x.bool(b -> b.should(all)));
            }
        }

        /**
         * An approximate form of a word, for calls without the word itself: a call that has the
         * word matched exactly, and says only that.
         */
        private static Query otherThan(Query exact, String name, Query approximate) {
            return Query.of(x -> x.bool(b -> b.must(approximate).mustNot(exact).queryName(name)));
        }

        /**
         * A clause's name, unique in the query: Elasticsearch keeps one clause per name, so a name
         * given twice would report only one of them. The hit reports the part before ':'.
         */
        static String name(Match match, String what) {
            return match.label + ":" + what;
        }

        /** A plain word exactly as typed (after analysis), or a prefix of words ({@code parc*}). */
        private Query exactWord(String word) {
            return exactWord(word, name(Match.EXACT, word));
        }

        /** The same, under that name (null: unnamed). */
        private Query exactWord(String word, String name) {
            String field = target.textField;
            return word.endsWith("*")
                    ? Query.of(x -> x.prefix(p -> p.field(field).value(word.substring(0, word.length() - 1))
                            .queryName(name)))
                    : Query.of(x -> x.term(t -> t.field(field).value(word).queryName(name)));
        }

        /**
         * Plain words: a share of them required, every one of them and the phrase of them each
         * worth a constant bonus, so that calls with all the words rank above calls with some.
         */
        private void rankWords(BoolQuery.Builder out, List<String> words) {
            List<Query> heard = words.stream().map(w -> heard(w).any()).toList();
            List<Query> unnamed = words.stream().map(w -> exactWord(w, null)).toList();
            out.must(Query.of(x -> x.bool(w -> w.should(heard).minimumShouldMatch(minimumShouldMatch))));
            if (words.size() == 1) {
                return;
            }
            out.should(Query.of(x -> x.constantScore(c -> c.boost(ALL_WORDS_BOOST)
                    .filter(f -> f.bool(all -> all.must(unnamed))))));
            List<String> terms = words.stream().filter(t -> !t.endsWith("*")).toList();
            if (terms.size() > 1) {
                out.should(Query.of(x -> x.constantScore(c -> c.boost(PHRASE_BOOST).filter(f -> f.matchPhrase(
                        m -> m.field(target.textField).query(String.join(" ", terms)).slop(PHRASE_SLOP)
                                .queryName(name(Match.PHRASE, String.join(" ", terms))))))));
            }
        }

        /** The indexed word of a plain word of the transcript (a prefix ends with *), or null. */
        private static String plainWord(org.apache.lucene.search.Query q) {
            return switch (q) {
                case TermQuery t when TRANSCRIPT.equals(t.getTerm().field()) -> t.getTerm().text();
                case PrefixQuery p when TRANSCRIPT.equals(p.getPrefix().field()) -> p.getPrefix().text() + "*";
                default -> null;
            };
        }

        /** The transcript (the text field, not a keyword field) or one of the target's fields. */
        private Field field(String userField) {
            if (TRANSCRIPT.equals(userField)) {
                return new Field(target.textField, Field.Kind.TEXT);
            }
            Field field = target.fields.get(userField);
            if (field == null) { // SyntaxCheck refuses unknown fields first, saying where
                throw new InvalidSearchQuery(SyntaxCheck.unknownField(userField, "", target));
            }
            return field;
        }
    }

    /**
     * Lucene's classic parser, but a quoted single word of the transcript stays a phrase: Lucene
     * reads {@code "courier"} as the word alone, which ranked search would then take as a plain
     * word (with its approximate forms, not required), while quoted the user asked for it exactly.
     */
    private static final class Parser extends QueryParser {
        Parser(Analyzer analyzer) {
            super(TRANSCRIPT, analyzer);
        }

        @Override
        protected org.apache.lucene.search.Query getFieldQuery(String field, String queryText, boolean quoted)
                throws ParseException {
            org.apache.lucene.search.Query q = super.getFieldQuery(field, queryText, quoted);
            if (quoted && q instanceof TermQuery t && TRANSCRIPT.equals(t.getTerm().field())) {
                return new PhraseQuery(t.getTerm().field(), t.getTerm().text());
            }
            return q;
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
}
