package org.callcentre.recording.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.ConstantScoreQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FuzzyQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TermQuery;
import java.util.List;
import java.util.stream.Stream;
import org.callcentre.recording.InvalidSearchQuery;
import org.callcentre.recording.RecordingProperties;
import org.junit.jupiter.api.Test;

class SearchSyntaxTest {

    private final SearchSyntax syntax = new SearchSyntax(new TranscriptAnalysis());

    @Test
    void plainWordsAreStemmedAndRankedWithAllButOneOfThemRequired() {
        Query q = syntax.parse("parcel damaged");

        BoolQuery words = q.bool().must().getFirst().bool();
        assertThat(words.should()).extracting(SearchSyntaxTest::exact).containsExactly("parcel", "damag");
        assertThat(words.minimumShouldMatch()).isEqualTo("1<-1 4<75%");
    }

    @Test
    void aPlainWordAlsoMatchesWhatTheRecogniserNearlyHeardWhatSoundsLikeItAndSpellingsOffWeightedBelowExact() {
        Query q = syntax.parse("rude");
        Query heard = q.bool().must().getFirst().bool().should().getFirst();

        assertThat(heard.bool().should()).satisfiesExactly(
                exact -> assertThat(exact.term().queryName()).isEqualTo("exact:rude"),
                alternative -> {
                    assertThat(alternative.bool().queryName()).isEqualTo("alternative:rude");
                    TermQuery word = alternative.bool().must().getFirst().term();
                    assertThat(word.field()).isEqualTo("transcript_alternatives");
                    assertThat(word.value().stringValue()).isEqualTo("rude");
                    assertThat(word.boost()).isEqualTo(SearchSyntax.ALTERNATIVE_WEIGHT).isLessThan(1)
                            .isGreaterThan(SearchSyntax.SOUNDS_LIKE_WEIGHT);
                    assertThat(alternative.bool().mustNot()).as("only for calls without the word itself").hasSize(1);
                },
                sounds -> {
                    assertThat(sounds.bool().queryName()).isEqualTo("sounds-like:rude:RT");
                    TermQuery code = sounds.bool().must().getFirst().term();
                    assertThat(code.field()).isEqualTo("transcript_sounds");
                    assertThat(code.value().stringValue()).isEqualTo("RT");
                    assertThat(code.boost()).isEqualTo(SearchSyntax.SOUNDS_LIKE_WEIGHT).isLessThan(1);
                    assertThat(sounds.bool().mustNot().getFirst().term().value().stringValue())
                            .as("only for calls without the word itself").isEqualTo("rude");
                },
                spelling -> {
                    assertThat(spelling.bool().queryName()).isEqualTo("spelling:rude");
                    FuzzyQuery fuzzy = spelling.bool().must().getFirst().fuzzy();
                    assertThat(fuzzy.value().stringValue()).isEqualTo("rude");
                    assertThat(fuzzy.boost()).isEqualTo(SearchSyntax.SPELLING_WEIGHT).isLessThan(1);
                    assertThat(spelling.bool().mustNot()).hasSize(1);
                });
    }

    @Test
    void strictMatchingRequiresEveryPlainWordExactlyAsTyped() {
        SearchSyntax strict = new SearchSyntax(new TranscriptAnalysis(),
                RecordingProperties.Index.DEFAULT_MINIMUM_SHOULD_MATCH, RecordingProperties.Index.Matching.STRICT);

        Query q = strict.parse("parcel damaged");

        assertThat(q.bool().must()).extracting(m -> m.term().queryName()).containsExactly("exact:parcel", "exact:damag");
        assertThat(q.bool().should()).isEmpty();
    }

    @Test
    void withAnExplicitOperatorWordsMatchOnlyExactly() {
        Query q = syntax.parse("rude AND courier");

        assertThat(q.bool().must()).extracting(m -> m.term().queryName()).containsExactly("exact:rude", "exact:courier");
    }

    /** The exact word among a plain word's forms. */
    private static String exact(Query heard) {
        return heard.bool().should().getFirst().term().value().stringValue();
    }

    @Test
    void callsWithAllThePlainWordsAndWithThemAsAPhraseScoreFarAboveTheRest() {
        Query q = syntax.parse("parcel arrived damaged");

        List<ConstantScoreQuery> bonuses = q.bool().should().stream().map(Query::constantScore).toList();
        assertThat(bonuses).hasSize(2);
        ConstantScoreQuery all = bonuses.get(0);
        assertThat(all.boost()).isEqualTo(SearchSyntax.ALL_WORDS_BOOST);
        assertThat(all.filter().bool().must()).extracting(m -> m.term().value().stringValue())
                .containsExactly("parcel", "arriv", "damag");
        ConstantScoreQuery phrase = bonuses.get(1);
        assertThat(phrase.boost()).isEqualTo(SearchSyntax.PHRASE_BOOST);
        assertThat(phrase.filter().matchPhrase().query()).isEqualTo("parcel arriv damag");
        assertThat(phrase.filter().matchPhrase().slop()).isEqualTo(SearchSyntax.PHRASE_SLOP);
    }

    @Test
    void withAnExplicitOperatorEveryAdjacentWordIsRequiredAsBefore() {
        Query q = syntax.parse("parcel damaged AND refund");

        assertThat(q.bool().must()).extracting(m -> m.term().value().stringValue())
                .containsExactly("parcel", "damag", "refund");
        assertThat(q.bool().should()).isEmpty();
    }

    @Test
    void phrasesPlusWordsGroupsAndFieldsStayRequiredInARankedQuery() {
        Query q = syntax.parse("\"return my order\" +broken agent:agent1 (courier late) refund cancel -coupon");

        List<Query> required = q.bool().must();
        assertThat(required).anyMatch(m -> m.isMatchPhrase() && m.matchPhrase().query().equals("return my order"))
                .anyMatch(m -> m.isTerm() && m.term().value().stringValue().equals("broken"))
                .anyMatch(m -> m.isTerm() && m.term().field().equals("agent"))
                .anyMatch(m -> m.isBool() && terms(m).containsAll(List.of("courier", "late")))   // the group
                .anyMatch(m -> m.isBool() && terms(m).containsAll(List.of("refund", "cancel"))); // the plain words
        assertThat(q.bool().mustNot()).extracting(m -> m.term().value().stringValue()).containsExactly("coupon");
    }

    @Test
    void onlyOperatorsOutsideQuotesMakeAQueryStrict() {
        assertThat(SearchSyntax.explicitBoolean("parcel OR refund")).isTrue();
        assertThat(SearchSyntax.explicitBoolean("parcel && refund")).isTrue();
        assertThat(SearchSyntax.explicitBoolean("NOT refund")).isTrue();
        assertThat(SearchSyntax.explicitBoolean("parcel !refund")).isTrue();
        assertThat(SearchSyntax.explicitBoolean("(parcel)AND refund")).isTrue();
        assertThat(SearchSyntax.explicitBoolean("ORDER status")).isFalse();
        assertThat(SearchSyntax.explicitBoolean("\"cash OR card\" refund")).isFalse();
        assertThat(SearchSyntax.explicitBoolean("parcel -refund +late")).isFalse();
    }

    @Test
    void quotedPhraseBecomesAPhraseQueryAllowingForDroppedStopWords() {
        Query q = syntax.parse("\"return my order\"");

        assertThat(q.matchPhrase().query()).isEqualTo("return my order");
        Query withStopWord = syntax.parse("\"parcel is damaged\"");
        assertThat(withStopWord.matchPhrase().query()).isEqualTo("parcel damag");
        assertThat(withStopWord.matchPhrase().slop()).isEqualTo(1);
    }

    @Test
    void aQuotedSingleWordIsRequiredExactlyNotRankedWithItsApproximateForms() {
        Query q = syntax.parse("\"courier\" late");

        assertThat(q.bool().must()).anyMatch(m -> m.isMatchPhrase() && m.matchPhrase().query().equals("courier"));
        assertThat(syntax.parse("\"courier\"").matchPhrase().query()).isEqualTo("courier");
    }

    @Test
    void metadataFieldsMatchExactValues() {
        Query q = syntax.parse("agent:agent1 AND refund");

        assertThat(q.bool().must().getFirst().term().field()).isEqualTo("agent");
        assertThat(q.bool().must().getFirst().term().value().stringValue()).isEqualTo("agent1");
    }

    @Test
    void blankQueryMatchesEverything() {
        assertThat(syntax.parse("  ").isMatchAll()).isTrue();
    }

    @Test
    void fieldValuesMatchWhateverTheirCase() {
        Query q = syntax.parse("outcome:answered agent:AGENT1 queue:Supp* type:Complaint-Logistics");

        assertThat(q.bool().must()).extracting(c -> c.isTerm() ? c.term().caseInsensitive()
                : c.prefix().caseInsensitive()).containsExactly(true, true, true, true);
        assertThat(q.bool().must()).extracting(c -> c.isTerm() ? c.term().value().stringValue()
                : c.prefix().value()).containsExactly("answered", "AGENT1", "Supp", "Complaint-Logistics");
    }

    @Test
    void utteranceSearchTakesEveryFieldOfCallSearch() {
        Query q = syntax.parse("agent:agent1 queue:support choice:returns outcome:ANSWERED type:returns "
                + "resolved:true followup:false speaker:customer", SearchSyntax.Target.UTTERANCES);

        assertThat(q.bool().must()).extracting(c -> c.term().field()).containsExactly("agent", "queue",
                "menu_choice", "outcome", "business_type", "resolved", "follow_up", "speaker");
    }

    @Test
    void speakerRestrictsUtteranceSearchWhateverTheCaseTyped() {
        Query q = syntax.parse("speaker:Customer refund", SearchSyntax.Target.UTTERANCES);

        assertThat(q.bool().must().getFirst().term().field()).isEqualTo("speaker");
        assertThat(q.bool().must().getFirst().term().value().stringValue()).isEqualTo("customer");
        Query refund = q.bool().must().getLast().bool().should().getFirst(); // the word, as it may have been heard
        assertThat(refund.bool().should()).extracting(f -> f.isTerm() ? f.term().field()
                : f.bool().must().getFirst().isTerm() ? f.bool().must().getFirst().term().field()
                : f.bool().must().getFirst().fuzzy().field())
                .containsExactly("text", "text_alternatives", "text_sounds", "text");
    }

    @Test
    void wrapUpFieldsFilterOnTheAgentsDisposition() {
        Query q = syntax.parse("type:complaint-logistics resolved:FALSE followup:true");

        assertThat(q.bool().must()).extracting(c -> c.term().field())
                .containsExactly("business_type", "resolved", "follow_up");
        assertThat(q.bool().must()).extracting(c -> c.term().value()._toJsonString())
                .containsExactly("complaint-logistics", "false", "true");
        assertThat(q.bool().must()).as("booleans are lower-cased here; Elasticsearch has no case-insensitive "
                + "boolean term").extracting(c -> c.term().caseInsensitive()).containsExactly(true, null, null);
    }

    @Test
    void speakerIsNotAFieldOfCallSearch() {
        assertThatThrownBy(() -> syntax.parse("speaker:agent refund"))
                .isInstanceOf(InvalidSearchQuery.class)
                .hasMessageStartingWith("unknown field \"speaker\" at character 1; the fields are agent, choice,");
    }

    @Test
    void aChineseQueryIsSegmentedIntoWordsLikeAChineseTranscript() {
        Query q = syntax.parse("包裹坏了", SearchSyntax.Target.UTTERANCES);

        assertThat(terms(q)).contains("包裹");
    }

    /** The words a query looks for, wherever they sit in its bool clauses. */
    private static List<String> terms(Query q) {
        if (q.isTerm()) {
            return List.of(q.term().value().stringValue());
        }
        if (!q.isBool()) {
            return List.of();
        }
        return Stream.of(q.bool().must(), q.bool().should()).flatMap(List::stream)
                .flatMap(c -> terms(c).stream()).distinct().toList();
    }
}
