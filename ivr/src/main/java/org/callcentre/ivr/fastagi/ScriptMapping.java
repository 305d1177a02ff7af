package org.callcentre.ivr.fastagi;

import java.util.Map;
import java.util.Set;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps FastAGI requests to scripts by the URL's path ({@code agi://host/ivr} -> "ivr"), and refuses,
 * with one log line, sessions from hosts that are not configured Asterisk boxes and requests for
 * scripts that do not exist. A refused session sets {@code CALLCENTRE_AGI=REFUSED} for the
 * dialplan and ends; Asterisk carries on with the next priority.
 */
final class ScriptMapping implements MappingStrategy {

    private static final Logger log = LoggerFactory.getLogger(ScriptMapping.class);
    private static final AgiScript REFUSE = (request, channel) -> {
        try {
            channel.setVariable("CALLCENTRE_AGI", "REFUSED");
        } catch (AgiHangupException gone) {
            // the caller left first: nothing to tell the dialplan
        }
    };
    /** For a session Asterisk has already given up on: there is no one to answer. */
    private static final AgiScript NOTHING = (request, channel) -> { };

    private final Map<String, AgiScript> scripts;
    private final Set<String> allowedHosts;

    ScriptMapping(Map<String, AgiScript> scripts, Set<String> allowedHosts) {
        this.scripts = Map.copyOf(scripts);
        this.allowedHosts = Set.copyOf(allowedHosts);
    }

    @Override
    public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
        String host = request.getRemoteAddress() == null ? "unknown" : request.getRemoteAddress().getHostAddress();
        if (!allowedHosts.contains(host)) {
            log.warn("Refused FastAGI session from {}: not a configured Asterisk host", host);
            return REFUSE;
        }
        if (request.getScript() == null) {
            // No agi_network_script: Asterisk gave up on the session (its FastAGI connect timed out
            // while we were busy, or the caller hung up) and closed it before sending a request.
            log.debug("Dropped FastAGI session from {}: no script in the request", host);
            return NOTHING;
        }
        AgiScript script = scripts.get(request.getScript());
        if (script == null) {
            log.warn("Refused FastAGI request for unknown script '{}' from {}", printable(request.getScript()), host);
            return REFUSE;
        }
        return script;
    }

    /** Script names come off the wire: keep log lines to one bounded, printable line. */
    static String printable(String untrusted) {
        if (untrusted == null) {
            return "";
        }
        String clean = untrusted.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }
}
