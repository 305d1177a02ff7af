package org.callcentre.ivr.fastagi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiChannelFactory;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiReader;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiWriter;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.internal.AgiChannelImpl;
import org.asteriskjava.fastagi.reply.AgiReply;

/**
 * Asterisk-Java's AGI channels, three costs lighter on every call:
 * <ul>
 * <li>commands are written out by {@link QuotedCommands}, not by the library's regex-based quoting;
 * <li>the Asterisk version, which the library finds by trying its version patterns one by one on
 * the {@code agi_version} of every call, is looked up once per version string;
 * <li>the closing {@code SET VARIABLE AJ_AGISTATUS} (SUCCESS, FAILED, NOT_FOUND) that the library
 * sends after every script is dropped: one more round trip to Asterisk on every call, mostly on a
 * channel already hung up. Our dialplan never reads it (Asterisk's own {@code AGISTATUS} is still
 * set); every other variable is set as usual.
 * </ul>
 */
final class LeanAgiChannels implements AgiChannelFactory {

    /** The variable Asterisk-Java's connection handler sets when a script ends. */
    static final String STATUS_VARIABLE = "AJ_AGISTATUS";

    /** Versions seen; a handful per deployment, so a few more than that stop the memo growing. */
    private static final int MAX_VERSIONS = 16;
    private static final Map<String, AsteriskVersion> VERSIONS = new ConcurrentHashMap<>();

    @Override
    public AgiChannel createAgiChannel(AgiRequest request, AgiWriter writer, AgiReader reader) {
        return new Channel(request, writer, reader);
    }

    private static final class Channel extends AgiChannelImpl {
        private final AgiRequest request;

        Channel(AgiRequest request, AgiWriter writer, AgiReader reader) {
            super(request, writer, reader);
            this.request = request;
        }

        /** The library's version for this call's {@code agi_version}, found once per version string. */
        @Override
        public AsteriskVersion getAsteriskVersion() {
            String reported = request.getRequest().get("version");
            return reported == null || VERSIONS.size() >= MAX_VERSIONS
                    ? super.getAsteriskVersion() // which caches it for this channel
                    : VERSIONS.computeIfAbsent(reported, v -> super.getAsteriskVersion());
        }

        @Override
        public AgiReply sendCommand(AgiCommand command) throws AgiException {
            return super.sendCommand(QuotedCommands.of(command));
        }

        @Override
        public void setVariable(String name, String value) throws AgiException {
            if (!STATUS_VARIABLE.equals(name)) {
                super.setVariable(name, value);
            }
        }
    }
}
