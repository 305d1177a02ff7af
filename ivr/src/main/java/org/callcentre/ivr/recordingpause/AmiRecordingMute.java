package org.callcentre.ivr.recordingpause;

import org.asteriskjava.manager.action.MixMonitorMuteAction;
import org.callcentre.ivr.ami.AmiConnection;

/**
 * AMI {@code MixMonitorMute} (Direction both, State 1|0). app_mixmonitor then writes zeros for
 * every frame in both directions: no speech and no in-band DTMF tone reaches the files. The
 * action needs the AMI write class 'call', which the contact centre's AMI user has (no 'system').
 */
final class AmiRecordingMute implements RecordingMute {

    private final AmiConnection ami;

    AmiRecordingMute(AmiConnection ami) {
        this.ami = ami;
    }

    @Override
    public void mute(String callerChannel, boolean muted) {
        ami.send(new MixMonitorMuteAction(callerChannel, "both", muted ? 1 : 0));
    }
}
