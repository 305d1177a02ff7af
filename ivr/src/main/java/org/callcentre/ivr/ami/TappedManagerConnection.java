package org.callcentre.ivr.ami;

import java.io.IOException;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * Asterisk-Java's manager connection with an {@link UnknownEventTap} on each socket it opens
 * (login and every reconnect): events the library has no class for reach the event listeners as
 * {@link UnknownAmiEvent} instead of being dropped. Uses the library's own seam for this
 * ({@code createSocket}), not a fork.
 */
final class TappedManagerConnection extends ManagerConnectionImpl {

    TappedManagerConnection(String host, int port, String username, String secret) {
        setHostname(host);
        setPort(port);
        setUsername(username);
        setPassword(secret);
    }

    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        return new UnknownEventTap(super.createSocket(), KnownAmiEvents.LIBRARY, e -> dispatchEvent(e, null), this);
    }
}
