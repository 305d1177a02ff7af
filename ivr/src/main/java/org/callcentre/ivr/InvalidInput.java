package org.callcentre.ivr;

/**
 * Input that an API caller got wrong, naming the field and why: the server answers it as a 400
 * problem detail whose {@code errors} list holds {@code {field, reason}} (see
 * {@code org.callcentre.web.ApiProblems}). Any module may throw it from a request's handling.
 */
public class InvalidInput extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidInput(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
