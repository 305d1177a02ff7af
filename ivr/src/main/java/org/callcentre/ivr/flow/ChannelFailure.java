package org.callcentre.ivr.flow;

/** The AGI conversation with Asterisk broke for a reason other than a hang-up. */
public final class ChannelFailure extends RuntimeException {
    public ChannelFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
