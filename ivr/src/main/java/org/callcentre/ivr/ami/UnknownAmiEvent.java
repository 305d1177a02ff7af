package org.callcentre.ivr.ami;

import java.io.Serial;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * An AMI event Asterisk-Java has no class for (its event builder logs such an event once and
 * drops it): the event's name and every attribute as Asterisk sent it, in order, so listeners can
 * handle it generically. An attribute Asterisk repeats (e.g. several {@code ChanVariable} lines)
 * holds its values joined by a line feed, which no AMI value can contain.
 *
 * <p>Delivered through {@link AmiConnection#onEvent} like any event, but from Asterisk-Java's
 * reader thread as the packet ends: in order among unknown events, not ordered with the typed
 * events around it (those go through the library's dispatch queue).
 */
public final class UnknownAmiEvent extends ManagerEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String eventName;
    private final Map<String, String> attributes;

    UnknownAmiEvent(Object source, String eventName, Map<String, String> attributes) {
        super(source);
        this.eventName = eventName;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        setDateReceived(new Date());
    }

    /** The value of the packet's {@code Event:} line, e.g. {@code PresenceStateChange}. */
    public String getEventName() {
        return eventName;
    }

    /** Every line of the packet, {@code Event} included, keyed as Asterisk spelt the key. */
    public Map<String, String> getAttributes() {
        return attributes;
    }

    /** One attribute, its key compared without regard to case (AMI keys are case-insensitive). */
    public Optional<String> attribute(String key) {
        return attributes.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key))
                .map(Map.Entry::getValue).findFirst();
    }
}
