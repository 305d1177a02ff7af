package org.callcentre.ivr.fastagi;

import java.util.Map;
import java.util.Set;
import org.asteriskjava.fastagi.AgiScript;
import org.callcentre.ivr.IvrProperties;

/** Builds the FastAGI server with its script mapping; the mapping itself stays package-private. */
public final class FastAgiServers {
    private FastAgiServers() {
    }

    public static FastAgiServer create(IvrProperties.FastAgi config, Map<String, AgiScript> scripts,
            Set<String> allowedHosts) {
        return new FastAgiServer(config, new ScriptMapping(scripts, allowedHosts));
    }
}
