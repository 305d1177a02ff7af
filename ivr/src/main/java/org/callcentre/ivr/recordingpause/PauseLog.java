package org.callcentre.ivr.recordingpause;

import java.time.Instant;
import java.util.List;
import org.callcentre.ivr.RecordingPause;

/** Where each call's pauses are kept, as they happen, so a call's metadata holds them. */
interface PauseLog {

    void opened(String callId, Instant recordingStartedAt, PauseLedger.Open pause);

    void closed(String callId, PauseLedger.Closed pause);

    /**
     * Closes pauses still open at the call's end (after a server restart the live state that would
     * have closed them is gone) and returns all of the call's pauses in order.
     */
    List<RecordingPause> closeOpen(String callId, Instant end);

    /** The call's ended pauses, in order. */
    List<RecordingPause> of(String callId);
}
