package org.callcentre.recording;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The search is not valid: the message says what is wrong, for the user, in the terms of their
 * own query. {@link #part} says whether the text or the limit is wrong; a syntax error also
 * carries where in the text it is ({@link #position}, the first character being 1) and the piece
 * of text at fault ({@link #fragment}), for a page to point at.
 */
public class InvalidSearchQuery extends RuntimeException {

    /** Which part of a {@link SearchQuery} is wrong. */
    public enum Part { TEXT, LIMIT }

    private final Part part;
    private final int position;
    private final String fragment;

    /** The text is wrong, at no one place. */
    public InvalidSearchQuery(String message) {
        this(Part.TEXT, message, 0, null);
    }

    /** The text is wrong at {@code position} (1 is its first character), in {@code fragment}. */
    public InvalidSearchQuery(String message, int position, String fragment) {
        this(Part.TEXT, message, position, fragment);
    }

    InvalidSearchQuery(Part part, String message) {
        this(part, message, 0, null);
    }

    private InvalidSearchQuery(Part part, String message, int position, String fragment) {
        super(message);
        this.part = part;
        this.position = position;
        this.fragment = fragment;
    }

    public Part part() {
        return part;
    }

    public OptionalInt position() {
        return position > 0 ? OptionalInt.of(position) : OptionalInt.empty();
    }

    public Optional<String> fragment() {
        return Optional.ofNullable(fragment);
    }
}
