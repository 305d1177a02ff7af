package org.callcentre.recording.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.callcentre.recording.InvalidSearchQuery;
import org.junit.jupiter.api.Test;

class SearchSyntaxTest {

    private final SearchSyntax syntax = new SearchSyntax(new TranscriptAnalysis());

    @Test
    void wordsAreStemmedLikeTheIndexedTranscriptAndAllRequired() {
        Query q = syntax.parse("parcel damaged");

        assertThat(q.isBool()).isTrue();
        assertThat(q.bool().must()).extracting(m -> m.term().value().stringValue())
                .containsExactly("parcel", "damag");
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
    void unbalancedParenthesisIsABadQueryNotAServerError() {
        assertThatThrownBy(() -> syntax.parse("parcel AND ("))
                .isInstanceOf(InvalidSearchQuery.class)
                .hasMessageStartingWith("bad search syntax:");
    }

    @Test
    void unterminatedQuoteIsABadQuery() {
        assertThatThrownBy(() -> syntax.parse("\"parcel damaged")).isInstanceOf(InvalidSearchQuery.class);
    }

    @Test
    void unknownFieldIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> syntax.parse("password:secret"))
                .isInstanceOf(InvalidSearchQuery.class)
                .hasMessage("unknown field 'password'; fields are agent, choice, followup, outcome, queue, resolved, type");
    }

    @Test
    void fuzzyAndRangeQueriesAreRefusedAsUnsupported() {
        assertThatThrownBy(() -> syntax.parse("parcel~2")).isInstanceOf(InvalidSearchQuery.class);
        assertThatThrownBy(() -> syntax.parse("queue:[a TO z]")).isInstanceOf(InvalidSearchQuery.class);
    }

    @Test
    void speakerRestrictsUtteranceSearchWhateverTheCaseTyped() {
        Query q = syntax.parse("speaker:Customer refund", SearchSyntax.Target.UTTERANCES);

        assertThat(q.bool().must().getFirst().term().field()).isEqualTo("speaker");
        assertThat(q.bool().must().getFirst().term().value().stringValue()).isEqualTo("customer");
        assertThat(q.bool().must().getLast().term().field()).isEqualTo("text");
    }

    @Test
    void wrapUpFieldsFilterOnTheAgentsDisposition() {
        Query q = syntax.parse("type:complaint-logistics resolved:FALSE followup:true");

        assertThat(q.bool().must()).extracting(c -> c.term().field())
                .containsExactly("business_type", "resolved", "follow_up");
        assertThat(q.bool().must()).extracting(c -> c.term().value()._toJsonString())
                .containsExactly("complaint-logistics", "false", "true");
    }

    @Test
    void speakerIsNotAFieldOfCallSearch() {
        assertThatThrownBy(() -> syntax.parse("speaker:agent refund"))
                .isInstanceOf(InvalidSearchQuery.class)
                .hasMessage("unknown field 'speaker'; fields are agent, choice, followup, outcome, queue, resolved, type");
    }

    @Test
    void aChineseQueryIsSegmentedIntoWordsLikeAChineseTranscript() {
        Query q = syntax.parse("包裹坏了", SearchSyntax.Target.UTTERANCES);

        assertThat(q.bool().must()).extracting(m -> m.term().value().stringValue()).contains("包裹");
    }
}
