package org.callcentre.ivr;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of a call during which its recording was paused (e.g. while the customer read out a
 * card number): both directions hold silence there, so the recording's timeline is unchanged.
 *
 * @param from        when the pause began
 * @param to          when it ended; a pause still open when the call ends closes at the call's end
 * @param fromSecond  where it begins in the recording, in seconds from the recording's start (the
 *                    moment the agent was connected: MixMonitor records only while bridged)
 * @param toSecond    where it ends in the recording
 * @param pausedBy    who paused: the user of the API, or the agent on the call for the DTMF code
 * @param pausedVia   how it was paused
 * @param resumedBy   who resumed; null when the call's end closed the pause
 * @param resumedVia  how it was resumed
 */
public record RecordingPause(
        Instant from,
        Instant to,
        double fromSecond,
        double toSecond,
        String pausedBy,
        Via pausedVia,
        String resumedBy,
        Via resumedVia) {

    public RecordingPause {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(pausedVia, "pausedVia");
        Objects.requireNonNull(resumedVia, "resumedVia");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a pause cannot end (" + to + ") before it begins (" + from + ")");
        }
    }

    /** What paused or resumed the recording. */
    public enum Via {
        /** {@code POST /api/calls/{callId}/recording/pause|resume}. */
        API,
        /** The agent's DTMF code on the phone (Asterisk's applicationmap feature). */
        DTMF,
        /** The call ended (or the agent left it) while the recording was paused. */
        CALL_END
    }
}
