package org.callcentre.ivr.flow.lookup;

import java.util.Optional;

/**
 * A caller's number fit to send to another system: digits only, with an optional leading '+',
 * at most 16 characters (E.164: 15 digits). Caller ids arrive from the network and are
 * untrusted, so anything else is dropped rather than passed on.
 */
public record CallerNumber(String value) {

    private static final int MAX_DIGITS = 15;

    public CallerNumber {
        if (value == null || !value.matches("\\+?[0-9]{3," + MAX_DIGITS + "}")) {
            throw new IllegalArgumentException("not a caller number: 3 to 15 digits, optional leading +");
        }
    }

    /** The number in an untrusted caller id, if it holds one: separators are stripped, all else refused. */
    public static Optional<CallerNumber> from(String untrusted) {
        if (untrusted == null || untrusted.length() > 40) {
            return Optional.empty();
        }
        String cleaned = untrusted.strip().replaceAll("[ ().-]", "");
        return cleaned.matches("\\+?[0-9]{3," + MAX_DIGITS + "}") ? Optional.of(new CallerNumber(cleaned))
                : Optional.empty();
    }
}
