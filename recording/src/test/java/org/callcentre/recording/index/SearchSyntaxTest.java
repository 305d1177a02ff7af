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
        assertThat(q.bool().must().getLast().term().field()).isEqualTo("text");
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

        assertThat(q.bool().must()).extracting(m -> m.term().value().stringValue()).contains("包裹");
    }
}
