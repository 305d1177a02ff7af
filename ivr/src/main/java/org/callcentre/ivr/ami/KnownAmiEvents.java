package org.callcentre.ivr.ami;

import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.asteriskjava.manager.AsteriskMapping;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.UserEvent;
import org.reflections.Reflections;

/**
 * The AMI event types Asterisk-Java 3.42 builds a class for. Mirrors its EventBuilderImpl, which
 * registers every concrete {@link ManagerEvent} found by scanning {@code org.asteriskjava.manager.event}
 * under the {@link AsteriskMapping} name or the class name without "Event", lower case, user events
 * as "userevent" + name. The same scan, so if scanning fails (it has inside fat jars) the library
 * knows nothing and we deliver everything generically rather than losing it.
 * {@code UnknownAmiEventTest} holds this to what the library's reader actually builds.
 */
final class KnownAmiEvents {

    static final KnownAmiEvents LIBRARY = scan();

    private final Set<String> types;

    private KnownAmiEvents(Set<String> types) {
        this.types = Set.copyOf(types);
    }

    private static KnownAmiEvents scan() {
        Set<String> types = new HashSet<>();
        for (Class<? extends ManagerEvent> c : new Reflections("org.asteriskjava.manager.event")
                .getSubTypesOf(ManagerEvent.class)) {
            if (!Modifier.isAbstract(c.getModifiers())) {
                types.add(typeOf(c));
            }
        }
        return new KnownAmiEvents(types);
    }

    private static String typeOf(Class<? extends ManagerEvent> c) {
        AsteriskMapping mapping = c.getAnnotation(AsteriskMapping.class);
        String type = mapping != null ? mapping.value().toLowerCase(Locale.ROOT)
                : c.getSimpleName().toLowerCase(Locale.ROOT).replaceFirst("event$", "");
        return UserEvent.class.isAssignableFrom(c) && !type.startsWith("userevent") ? "userevent" + type : type;
    }

    /**
     * @param event     the packet's {@code Event} value
     * @param userEvent its {@code UserEvent} value, for user events (null otherwise)
     */
    boolean knows(String event, String userEvent) {
        String type = event.toLowerCase(Locale.ROOT);
        if (type.equals("userevent")) {
            type += userEvent == null ? "" : userEvent.toLowerCase(Locale.ROOT);
        }
        return types.contains(type);
    }
}
