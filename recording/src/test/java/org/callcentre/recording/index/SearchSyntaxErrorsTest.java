package org.callcentre.recording.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.callcentre.recording.InvalidSearchQuery;
import org.callcentre.recording.index.SearchSyntax.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a QA analyst reads when a search is wrong: what, at which character of their own query
 * (the first is 1), never the parser's grammar.
 */
class SearchSyntaxErrorsTest {

    private final SearchSyntax syntax = new SearchSyntax(new TranscriptAnalysis());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # the user's query         | what they read
            `"`                        | the quote opened at character 1 is never closed
            parcel "arrived damaged    | the quote opened at character 8 is never closed
            `"parcel \\"`              | the quote opened at character 1 is never closed; the \\" at character 9 is a quote searched for, not a closing one
            \\                         | a backslash at the end escapes nothing: remove the \\ at character 1
            parcel damaged\\           | a backslash at the end escapes nothing: remove the \\ at character 15
            parcel~                    | fuzzy search (~) is not supported: remove the ~ after "parcel" (character 7)
            agent:agent1~2             | fuzzy search (~) is not supported: remove the ~ after "agent1" (character 13)
            parcel AND (               | the parenthesis opened at character 12 is never closed
            (parcel OR (damaged broken) | the parenthesis opened at character 1 is never closed
            parcel damaged)            | the parenthesis closed at character 15 was never opened
            parcel ()                  | the parentheses at character 8 hold nothing
            AND parcel                 | "AND" at character 1 has nothing before it
            (OR parcel)                | "OR" at character 2 has nothing before it
            parcel AND                 | "AND" at character 8 has nothing after it
            (parcel OR) damaged        | "OR" at character 9 has nothing after it
            `parcel && || damaged`     | `"&&" at character 8 is followed by "||" instead of a word`
            parcel NOT                 | "NOT" at character 8 has nothing after it
            parcel -                   | "-" at character 8 has nothing after it
            NOT OR parcel              | "NOT" at character 1 is followed by "OR" instead of a word
            agent:                     | the field agent: at character 1 has no value
            (agent:) parcel            | the field agent: at character 2 has no value
            agent: AND parcel          | the field agent: at character 1 has no value
            `agent:""`                 | the field agent: at character 1 has an empty value
            :parcel                    | the colon at character 1 has no field name before it
            agent:queue:support        | the colon at character 12 comes after a value, not a field name; to search for a colon, put the words in quotes
            resolved:maybe             | resolved: takes true or false, not "maybe" (character 10)
            `followup:"yes"`           | followup: takes true or false, not "yes" (character 10)
            password:secret            | unknown field "password" at character 1; the fields are agent, choice, followup, outcome, queue, resolved, type
            refund Agent:agent1        | unknown field "Agent" at character 8 (field names are lower case: agent); the fields are agent, choice, followup, outcome, queue, resolved, type
            speaker:customer           | unknown field "speaker" at character 1; the fields are agent, choice, followup, outcome, queue, resolved, type
            par?el                     | only a * at the end of a word is supported, as in parc*: "par?el" at character 1
            parcel *amaged             | a word cannot start with a wildcard: "*amaged" at character 8
            agent:*                    | the * at character 7 needs the start of a word before it, as in parc*
            queue:[a TO z]             | ranges ([... TO ...]) are not supported: the one at character 7
            /parc.l/                   | regular expressions (/.../) are not supported: the one at character 1; to search for a slash, write \\/
            1/2 refund                 | the slash at character 2 starts a regular expression, which is not supported; to search for a slash, write \\/
            parcel^                    | the boost (^) at character 7 needs a number after it, as in parcel^2
            `resolved:"tru`            | the quote opened at character 10 is never closed
            (parcel)~2                 | the search cannot be read from character 9 ("~2")
            """)
    void aBadCallSearchSaysWhatIsWrongAndWhere(String query, String message) {
        assertThat(refusal(query, Target.CALLS)).hasMessage(message);
    }

    @Test
    void utteranceSearchListsItsFieldsWithSpeaker() {
        assertThat(refusal("queue:support spaeker:agent", Target.UTTERANCES)).hasMessage("unknown field \"spaeker\" at "
                + "character 15; the fields are agent, choice, followup, outcome, queue, resolved, speaker, type");
    }

    @Test
    void theRefusalCarriesThePositionAndThePieceOfTheQueryAtFault() {
        InvalidSearchQuery e = refusal("refund password:secret", Target.CALLS);

        assertThat(e.part()).isEqualTo(InvalidSearchQuery.Part.TEXT);
        assertThat(e.position()).hasValue(8);
        assertThat(e.fragment()).hasValue("password");
    }

    @Test
    void positionsCountCharactersNotCodeUnits() {
        assertThat(refusal("\uD83D\uDCE6 \"parcel", Target.CALLS))
                .hasMessage("the quote opened at character 3 is never closed");
    }

    @Test
    void whatTheSyntaxAllowsIsNotRefused() {
        for (String fine : new String[] {"*:*", "\"parcel damaged\"~2", "parcel^2", "parcel - damaged", "parc*",
                "agent: agent1", "-type:returns", "NOT (parcel OR refund)", "resolved:(true)", "parcel\\:damaged",
                "transcript:parcel"}) {
            syntax.parse(fine);
        }
    }

    private InvalidSearchQuery refusal(String query, Target target) {
        return catchThrowableOfType(InvalidSearchQuery.class, () -> syntax.parse(query, target));
    }
}
