package org.callcentre.ivr.recordingpause;

/**
 * Silences or restores a running recording. Thread-safe. The AMI adapter sends MixMonitorMute on
 * both directions, so the files keep their length and stay on one timeline.
 */
interface RecordingMute {

    /**
     * @param callerChannel the channel MixMonitor runs on
     * @param muted         true to write silence from now on, false to record again
     * @throws org.callcentre.ivr.ami.AmiConnection.AsteriskUnavailable when Asterisk cannot be reached
     * @throws org.callcentre.ivr.ami.AmiConnection.AmiActionFailed when Asterisk refuses (e.g. the channel is gone)
     */
    void mute(String callerChannel, boolean muted);
}
