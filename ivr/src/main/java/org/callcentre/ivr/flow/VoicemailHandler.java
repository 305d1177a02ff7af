package org.callcentre.ivr.flow;

import org.callcentre.ivr.IvrProperties;

/**
 * {@code kind: voicemail}: plays the prompt and records the caller's message with Record() into
 * the recording directory as {@code vm-<call id>.<format>}; the file name goes on the journey.
 * A caller who hangs up to end the message still leaves it (Record's 'k' option).
 */
final class VoicemailHandler implements NodeHandler<Node.Voicemail> {

    private final IvrProperties.Recording recording;

    VoicemailHandler(IvrProperties.Recording recording) {
        this.recording = recording;
    }

    @Override
    public Class<Node.Voicemail> kind() {
        return Node.Voicemail.class;
    }

    @Override
    public String handle(Node.Voicemail node, CallSession session) throws CallerHungUp {
        session.play(node.prompt());
        String fileName = recording.voicemailFile(session.journey().callId());
        session.channel().recordMessage(fileName, node.maxDuration());
        session.journey().voicemail(fileName);
        return node.next() == null ? null : node.next().take(session);
    }
}
