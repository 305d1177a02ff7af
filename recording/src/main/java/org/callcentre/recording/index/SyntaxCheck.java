package org.callcentre.recording.index;

import static org.apache.lucene.queryparser.classic.QueryParserConstants.AND;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.BAREOPER;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.CARAT;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.COLON;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.EOF;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.FUZZY_SLOP;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.LPAREN;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.MINUS;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.NOT;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.NUMBER;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.OR;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.PLUS;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.PREFIXTERM;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.QUOTED;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.RANGEEX_START;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.RANGEIN_START;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.REGEXPTERM;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.RPAREN;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.STAR;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.TERM;
import static org.apache.lucene.queryparser.classic.QueryParserConstants.WILDTERM;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.queryparser.charstream.FastCharStream;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParserTokenManager;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.callcentre.recording.InvalidSearchQuery;
import org.callcentre.recording.index.SearchSyntax.Field;
import org.callcentre.recording.index.SearchSyntax.Target;

/**
 * Says what is wrong in a query, in the user's terms: what, at which character (the first is 1)
 * and in which piece of their text, instead of the parser's grammar ("Encountered: &lt;EOF&gt; in
 * lexical state 2"). It walks the tokens of Lucene's own lexer, so it reads the query exactly
 * as the parser will, and refuses what the parser would refuse (unclosed quotes and
 * parentheses, operators with nothing to join, fields without a value), what it would accept
 * but we do not support (fuzzy words, inner wildcards, ranges, regular expressions), and fields
 * the target does not have. A query it lets through may still fail to parse:
 * {@link #unreadable} words that rarer case.
 */
final class SyntaxCheck {

    /** A token kind of our own: where Lucene's lexer gave up, the rest of the text. */
    private static final int UNREADABLE = -1;
    /** Tokens that can be a clause's value: a word, a phrase, a group. */
    private static final Set<Integer> VALUES = Set.of(TERM, QUOTED, PREFIXTERM, WILDTERM, REGEXPTERM, STAR, LPAREN,
            RANGEIN_START, RANGEEX_START, BAREOPER, UNREADABLE);
    private static final Set<Integer> MODIFIERS = Set.of(NOT, PLUS, MINUS);
    private static final Set<Integer> ENDS = Set.of(EOF, RPAREN);

    private final String text;
    private final Target target;
    private final List<Token> tokens;

    private SyntaxCheck(String text, Target target) {
        this.text = text;
        this.target = target;
        this.tokens = tokens(text);
    }

    /** @throws InvalidSearchQuery with the first thing wrong in {@code text}, if any */
    static void check(String text, Target target) {
        new SyntaxCheck(text, target).run();
    }

    /** What to say when Lucene refuses a query that passed {@link #check}. */
    static InvalidSearchQuery unreadable(String text, ParseException e) {
        if (e.getCause() instanceof ParseException cause && cause.currentToken != null
                && cause.currentToken.next != null) {
            Token at = cause.currentToken.next;
            int position = character(text, at.beginColumn);
            return at.kind == EOF
                    ? new InvalidSearchQuery("the search ends before it is complete (character %d)".formatted(position),
                            position, "")
                    : new InvalidSearchQuery("the search cannot be read from character %d (\"%s\")"
                            .formatted(position, at.image), position, at.image);
        }
        String reason = e.getMessage().substring(e.getMessage().indexOf("': ") + 3).lines().findFirst().orElse("");
        return new InvalidSearchQuery("the search cannot be read: " + reason);
    }

    /** {@code where} is empty or says where, e.g. " at character 3". */
    static String unknownField(String name, String where, Target target) {
        String lowerCase = name.toLowerCase(Locale.ROOT);
        String hint = !lowerCase.equals(name) && target.fields.containsKey(lowerCase)
                ? " (field names are lower case: " + lowerCase + ")" : "";
        return "unknown field \"" + name + "\"" + where + hint + "; the fields are "
                + String.join(", ", target.fieldNames());
    }

    private void run() {
        Deque<Token> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token before = i == 0 ? null : tokens.get(i - 1);
            Token after = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            switch (t.kind) {
                case UNREADABLE -> throw lexical(t);
                case LPAREN -> open.push(t);
                case RPAREN -> {
                    if (open.isEmpty()) {
                        throw at(t, "the parenthesis closed at character %d was never opened");
                    }
                    if (open.pop() == before) {
                        throw at(before, "the parentheses at character %d hold nothing");
                    }
                }
                case AND, OR -> conjunction(t, before, after);
                case NOT, PLUS, MINUS -> modifier(t, after);
                case COLON -> field(i, before, after);
                case FUZZY_SLOP -> {
                    if (before != null && Set.of(TERM, PREFIXTERM, WILDTERM).contains(before.kind)) {
                        throw at(t, "fuzzy search (~) is not supported: remove the ~ after \"" + before.image
                                + "\" (character %d)");
                    }
                }
                case WILDTERM -> throw at(t, t.image.startsWith("*") || t.image.startsWith("?")
                        ? "a word cannot start with a wildcard: \"" + t.image + "\" at character %d"
                        : "only a * at the end of a word is supported, as in parc*: \"" + t.image
                                + "\" at character %d");
                case STAR -> star(i, before, after);
                case REGEXPTERM -> throw at(t, "regular expressions (/.../) are not supported: the one at character %d;"
                        + " to search for a slash, write \\/");
                case RANGEIN_START, RANGEEX_START -> throw at(t,
                        "ranges ([... TO ...]) are not supported: the one at character %d");
                case CARAT -> {
                    if (after == null || after.kind != NUMBER) {
                        throw at(t, "the boost (^) at character %d needs a number after it, as in parcel^2");
                    }
                }
                default -> { }
            }
        }
        if (!open.isEmpty()) {
            throw at(open.peek(), "the parenthesis opened at character %d is never closed");
        }
    }

    /** AND, OR: a clause on either side. */
    private void conjunction(Token t, Token before, Token after) {
        if (before == null || before.kind == LPAREN) {
            throw at(t, quoted(t) + " at character %d has nothing before it");
        }
        if (!VALUES.contains(after.kind) && !MODIFIERS.contains(after.kind)) {
            throw at(t, ENDS.contains(after.kind) ? quoted(t) + " at character %d has nothing after it"
                    : quoted(t) + " at character %d is followed by " + quoted(after) + " instead of a word");
        }
    }

    /** NOT, + and -: a clause after. */
    private void modifier(Token t, Token after) {
        if (!VALUES.contains(after.kind)) {
            throw at(t, ENDS.contains(after.kind) ? quoted(t) + " at character %d has nothing after it"
                    : quoted(t) + " at character %d is followed by " + quoted(after) + " instead of a word");
        }
    }

    /** {@code name:value}: a field this target has, and a value of its kind. */
    private void field(int colon, Token name, Token value) {
        Token colonToken = tokens.get(colon);
        if (name == null || (name.kind != TERM && name.kind != STAR)) {
            throw at(colonToken, "the colon at character %d has no field name before it");
        }
        if (colon >= 2 && tokens.get(colon - 2).kind == COLON) {
            throw at(colonToken, "the colon at character %d comes after a value, not a field name;"
                    + " to search for a colon, put the words in quotes");
        }
        if (name.kind == STAR && value.kind == STAR) {
            return; // *:* is every call
        }
        Field field = target.fields.get(name.image);
        if (field == null && !SearchSyntax.TRANSCRIPT.equals(name.image)) {
            int position = character(text, name.beginColumn);
            throw new InvalidSearchQuery(unknownField(name.image, " at character " + position, target), position,
                    name.image);
        }
        if (!VALUES.contains(value.kind)) {
            throw at(name, "the field " + name.image + ": at character %d has no value");
        }
        if (value.kind == QUOTED && value.image.substring(1, value.image.length() - 1).isBlank()) {
            throw at(name, "the field " + name.image + ": at character %d has an empty value");
        }
        boolean word = value.kind != LPAREN && value.kind != UNREADABLE;
        if (field != null && field.kind() == Field.Kind.BOOLEAN && word
                && !Set.of("true", "false").contains(unquoted(value.image).toLowerCase(Locale.ROOT))) {
            throw at(value, name.image + ": takes true or false, not \"" + unquoted(value.image)
                    + "\" (character %d)");
        }
    }

    /** A lone {@code *} is no word (but {@code *:*} is every call). */
    private void star(int i, Token before, Token after) {
        boolean everything = (after != null && after.kind == COLON)
                || (i >= 2 && before.kind == COLON && tokens.get(i - 2).kind == STAR);
        if (!everything) {
            throw at(tokens.get(i), "the * at character %d needs the start of a word before it, as in parc*");
        }
    }

    /** Where Lucene's lexer gave up: a quote or regular expression never closed, or a final backslash. */
    private InvalidSearchQuery lexical(Token rest) {
        if (rest.image.startsWith("\"")) {
            String escaped = rest.image.length() > 2 && rest.image.endsWith("\\\"")
                    ? "; the \\\" at character " + character(text, rest.endColumn - 2)
                            + " is a quote searched for, not a closing one" : "";
            return at(rest, "the quote opened at character %d is never closed" + escaped);
        }
        if (rest.image.startsWith("/")) {
            return at(rest, "the slash at character %d starts a regular expression, which is not supported;"
                    + " to search for a slash, write \\/");
        }
        if (rest.image.endsWith("\\")) {
            int last = text.length() - 1;
            return new InvalidSearchQuery("a backslash at the end escapes nothing: remove the \\ at character "
                    + character(text, last), character(text, last), "\\");
        }
        return at(rest, "the search cannot be read from character %d");
    }

    private InvalidSearchQuery at(Token t, String format) {
        int position = character(text, t.beginColumn);
        return new InvalidSearchQuery(format.formatted(position), position, t.image);
    }

    private static String quoted(Token t) {
        return t.kind == EOF ? "the end" : "\"" + t.image.strip() + "\"";
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** The position users count: characters (not UTF-16 units) from 1. */
    private static int character(String text, int offset) {
        return text.codePointCount(0, Math.min(offset, text.length())) + 1;
    }

    /**
     * The query's tokens as Lucene's lexer reads them, ending in EOF, or in an {@link #UNREADABLE}
     * token holding the rest of the text where the lexer gave up.
     */
    private static List<Token> tokens(String text) {
        QueryParserTokenManager lexer = new QueryParserTokenManager(new FastCharStream(new StringReader(text)));
        List<Token> tokens = new ArrayList<>();
        try {
            Token t;
            do {
                t = lexer.getNextToken();
                tokens.add(t);
            } while (t.kind != EOF);
        } catch (TokenMgrError e) {
            int from = tokens.isEmpty() ? 0 : tokens.getLast().endColumn;
            while (from < text.length() && isWhitespace(text.charAt(from))) {
                from++;
            }
            Token rest = Token.newToken(UNREADABLE, text.substring(from));
            rest.beginColumn = from;
            rest.endColumn = text.length();
            tokens.add(rest);
        }
        return tokens;
    }

    /** Whitespace as Lucene's query grammar has it. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u3000';
    }
}
