package org.callcentre.ivr.ami;

import java.io.IOException;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits between Asterisk-Java's manager reader and the AMI socket and watches the lines the reader
 * reads. When an event packet ends (its empty line) whose type the library has no class for, it
 * hands an {@link UnknownAmiEvent} to the sink, on the reader's thread, before the reader sees that
 * empty line (and drops the packet). Lines pass through unchanged. Used by one reader thread only.
 */
final class UnknownEventTap implements SocketConnectionFacade {

    private static final Logger log = LoggerFactory.getLogger(UnknownEventTap.class);
    /** A packet with more lines than this is not kept whole (no AMI event comes close). */
    private static final int MAX_ATTRIBUTES = 1000;

    private final SocketConnectionFacade socket;
    private final KnownAmiEvents known;
    private final Consumer<UnknownAmiEvent> sink;
    private final Object source;
    private final Map<String, String> packet = new LinkedHashMap<>();
    private boolean inPacket;
    private boolean isEvent;

    UnknownEventTap(SocketConnectionFacade socket, KnownAmiEvents known, Consumer<UnknownAmiEvent> sink,
            Object source) {
        this.socket = socket;
        this.known = known;
        this.sink = sink;
        this.source = source;
    }

    @Override
    public String readLine() throws IOException {
        String line = socket.readLine();
        if (line != null) {
            observe(line);
        }
        return line;
    }

    private void observe(String line) {
        if (line.isEmpty()) {
            if (isEvent) {
                packetEnded();
            }
            packet.clear();
            inPacket = isEvent = false;
            return;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return; // the protocol banner, or command output
        }
        String key = line.substring(0, colon).trim();
        if (!inPacket) {
            inPacket = true;
            isEvent = key.equalsIgnoreCase("Event"); // Asterisk writes Event first in every event
        }
        if (isEvent && packet.size() < MAX_ATTRIBUTES) {
            packet.merge(key, line.substring(colon + 1).trim(), (a, b) -> a + "\n" + b);
        }
    }

    private void packetEnded() {
        UnknownAmiEvent event = new UnknownAmiEvent(source, packet.values().iterator().next(), packet);
        if (known.knows(event.getEventName(), event.attribute("UserEvent").orElse(null))) {
            return;
        }
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            log.warn("Listener failed on unknown AMI event {}: {}", event.getEventName(), e.toString());
        }
    }

    @Override
    public void write(String s) throws IOException {
        socket.write(s);
    }

    @Override
    public void flush() throws IOException {
        socket.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getRemoteAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getRemotePort();
    }
}
