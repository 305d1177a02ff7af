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

    /** The same, publishing the number of live IVR sessions as {@code callcentre.fastagi.sessions}. */
    public static FastAgiServer create(IvrProperties.FastAgi config, Map<String, AgiScript> scripts,
            Set<String> allowedHosts, io.micrometer.core.instrument.MeterRegistry meters) {
        FastAgiServer server = create(config, scripts, allowedHosts);
        io.micrometer.core.instrument.Gauge.builder("callcentre.fastagi.sessions", server, FastAgiServer::sessions)
                .register(meters);
        return server;
    }
}
