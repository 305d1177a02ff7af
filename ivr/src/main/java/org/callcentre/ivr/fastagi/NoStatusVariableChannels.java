package org.callcentre.ivr.fastagi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiChannelFactory;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiReader;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiWriter;
import org.asteriskjava.fastagi.internal.AgiChannelImpl;

/**
 * Asterisk-Java's AGI channels, minus one command: after every script the library sets the
 * channel variable {@code AJ_AGISTATUS} (SUCCESS, FAILED, NOT_FOUND), one more round trip to
 * Asterisk on every call, mostly on a channel already hung up. Our dialplan never reads it
 * (Asterisk's own {@code AGISTATUS} is still set), so the channel drops it; every other variable
 * is set as usual.
 */
final class NoStatusVariableChannels implements AgiChannelFactory {

    /** The variable Asterisk-Java's connection handler sets when a script ends. */
    static final String STATUS_VARIABLE = "AJ_AGISTATUS";

    @Override
    public AgiChannel createAgiChannel(AgiRequest request, AgiWriter writer, AgiReader reader) {
        return new Channel(request, writer, reader);
    }

    private static final class Channel extends AgiChannelImpl {
        Channel(AgiRequest request, AgiWriter writer, AgiReader reader) {
            super(request, writer, reader);
        }

        @Override
        public void setVariable(String name, String value) throws AgiException {
            if (!STATUS_VARIABLE.equals(name)) {
                super.setVariable(name, value);
            }
        }
    }
}
