package org.callcentre.ivr.recordingpause;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code UserEvent(RecordingPauseToggle)}, raised by the dialplan when the agent keys the
 * recording-pause DTMF code (features.conf applicationmap, run on the agent's channel). Asterisk
 * adds the channel's fields; its {@code Linkedid} is the call id. Public, with this constructor,
 * because Asterisk-Java builds it by reflection: the class name minus "Event" is the event's name.
 */
public class RecordingPauseToggleEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String linkedId;

    public RecordingPauseToggleEvent(Object source) {
        super(source);
    }

    public String getLinkedId() {
        return linkedId;
    }

    public void setLinkedId(String linkedId) {
        this.linkedId = linkedId;
    }
}
