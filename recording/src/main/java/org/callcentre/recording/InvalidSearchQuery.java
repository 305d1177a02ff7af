package org.callcentre.recording;

/** The search text is not valid search syntax; the message says what is wrong, for the user. */
public class InvalidSearchQuery extends RuntimeException {
    public InvalidSearchQuery(String message) {
        super(message);
    }
}
