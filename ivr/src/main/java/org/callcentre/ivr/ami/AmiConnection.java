package org.callcentre.ivr.ami;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import io.micrometer.core.instrument.MeterRegistry;
import org.callcentre.ivr.IvrProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The AMI connection used to send actions. Logs in in the background with backoff, so the server
 * starts even while Asterisk is down; once logged in, Asterisk-Java reconnects by itself.
 * Actions sent while disconnected fail at once with {@link AsteriskUnavailable}.
 *
 * <p>Thread-safe: {@link #send} may be called from any thread, but never from an AMI event
 * listener (responses and events share the library's one dispatch thread).
 */
public final class AmiConnection implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AmiConnection.class);

    private final IvrProperties.Ami config;
    private final ManagerConnection connection;
    private final UnknownEventCounter unknownEvents;
    private volatile boolean running;
    private Thread loginThread;

    public AmiConnection(IvrProperties.Ami config, MeterRegistry meters) {
        this.config = config;
        this.connection = new TappedManagerConnection(config.host(), config.port(), config.username(),
                readSecret(config));
        this.unknownEvents = new UnknownEventCounter(meters);
        connection.addEventListener(e -> {
            if (e instanceof UnknownAmiEvent unknown) {
                unknownEvents.count(unknown);
            }
        });
        if (!KnownAmiEvents.LIBRARY.knows("QueueMemberStatus", null)) {
            log.error("Asterisk-Java found none of its event classes (class-path scanning failed?): every AMI "
                    + "event will arrive as UnknownAmiEvent and the floor will not follow the queues");
        }
        // Dead TCP connections are only noticed with a read timeout (the ping only logs).
        connection.setSocketReadTimeout(Math.toIntExact(Duration.ofMinutes(2).toMillis()));
    }

    private static String readSecret(IvrProperties.Ami config) {
        if (config.secretFile() == null) {
            throw new IllegalStateException("callcentre.ivr.ami.secret-file is not set");
        }
        try {
            return Files.readString(config.secretFile()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read AMI secret file " + config.secretFile(), e);
        }
    }

    public ManagerResponse send(ManagerAction action) {
        if (connection.getState() != ManagerConnectionState.CONNECTED) {
            throw new AsteriskUnavailable("AMI is not connected to " + asterisk());
        }
        try {
            ManagerResponse response = connection.sendAction(action, config.actionTimeout().toMillis());
            if (response instanceof ManagerError error) {
                throw new AmiActionFailed(action.getAction() + " refused: " + error.getMessage());
            }
            return response;
        } catch (IOException | org.asteriskjava.manager.TimeoutException e) {
            throw new AsteriskUnavailable(action.getAction() + " failed: " + e.getMessage());
        }
    }

    /**
     * Sends an action whose answer is a list of events (QueueStatus, CoreShowChannels...). Never
     * call it from an event listener.
     */
    public java.util.List<org.asteriskjava.manager.event.ResponseEvent> sendEventGenerating(
            org.asteriskjava.manager.action.EventGeneratingAction action) {
        if (!connected()) {
            throw new AsteriskUnavailable("AMI is not connected to " + asterisk());
        }
        try {
            return java.util.List.copyOf(connection.sendEventGeneratingAction(action,
                    config.actionTimeout().toMillis()).getEvents());
        } catch (IOException | org.asteriskjava.manager.TimeoutException e) {
            throw new AsteriskUnavailable(action.getAction() + " failed: " + e.getMessage());
        }
    }

    /**
     * Registers a listener for every AMI event. It runs on Asterisk-Java's single dispatch thread,
     * which also delivers action responses: it must hand work off and return at once. Events the
     * library has no class for arrive as {@link UnknownAmiEvent}, from its reader thread: the
     * listener must be thread-safe.
     */
    public void onEvent(java.util.function.Consumer<org.asteriskjava.manager.event.ManagerEvent> listener) {
        connection.addEventListener(listener::accept);
    }

    /**
     * Makes {@code UserEvent(Name)} arrive as {@code eventClass} ({@code NameEvent}, a public
     * subclass of Asterisk-Java's UserEvent); unregistered user events are dropped by the library.
     * Only before {@link #start}: the library's first login may otherwise replace the event parser
     * the registration went to.
     */
    public void registerUserEvent(Class<? extends org.asteriskjava.manager.event.UserEvent> eventClass) {
        if (running) {
            throw new IllegalStateException("register user events before the AMI connection starts");
        }
        connection.registerUserEventClass(eventClass);
    }

    /**
     * Waits until actions can be sent. Events such as FullyBooted arrive during the login
     * handshake, before the connection counts as connected.
     */
    public boolean awaitConnected(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!connected()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    public boolean connected() {
        return connection.getState() == ManagerConnectionState.CONNECTED;
    }

    /** The Asterisk it logs in to, {@code host:port}. */
    public String asterisk() {
        return config.host() + ":" + config.port();
    }

    @Override
    public void start() {
        running = true;
        loginThread = Thread.ofVirtual().name("ami-login").start(this::loginWithBackoff);
    }

    private void loginWithBackoff() {
        Duration wait = Duration.ofMillis(500);
        while (running) {
            try {
                connection.login(config.events()); // kept for the library's reconnects
                log.info("AMI logged in to {}:{}", config.host(), config.port());
                return;
            } catch (Exception e) {
                log.warn("AMI login to {}:{} failed ({}); retrying in {} ms", config.host(), config.port(),
                        e.getMessage(), wait.toMillis());
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
            wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : wait.multipliedBy(2);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (loginThread != null) {
            loginThread.interrupt();
        }
        if (connection.getState() == ManagerConnectionState.CONNECTED) {
            connection.logoff();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Asterisk cannot be reached over AMI right now. */
    public static final class AsteriskUnavailable extends RuntimeException {
        public AsteriskUnavailable(String message) {
            super(message);
        }
    }

    /** Asterisk answered an action with an error. */
    public static final class AmiActionFailed extends RuntimeException {
        public AmiActionFailed(String message) {
            super(message);
        }
    }
}
