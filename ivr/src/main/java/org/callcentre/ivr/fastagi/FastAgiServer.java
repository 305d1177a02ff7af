package org.callcentre.ivr.fastagi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.callcentre.ivr.IvrProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Asterisk-Java's FastAGI server, bound to the configured address, running each IVR session on
 * its own thread, pooled platform threads by default or virtual threads
 * ({@link IvrProperties.SessionThreads}). A session holds its thread for the whole call (Queue()
 * blocks until the conversation ends). Sessions beyond {@code maxSessions} are refused: the
 * library closes the socket and Asterisk continues the dialplan with AGISTATUS=FAILURE. Connections
 * are read and written by {@link AgiSockets}; sessions send their commands through
 * {@link LeanAgiChannels}.
 */
public final class FastAgiServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);

    private final IvrProperties.FastAgi config;
    private final SessionAgiServer server;
    private volatile Thread acceptor;
    private volatile boolean running;

    public FastAgiServer(IvrProperties.FastAgi config, MappingStrategy mapping) {
        this.config = config;
        this.server = new SessionAgiServer(mapping, config);
        server.setPort(config.port());
        try {
            server.setAddress(InetAddress.getByName(config.bindAddress()));
        } catch (IOException e) {
            throw new IllegalArgumentException("callcentre.ivr.fastagi.bind-address is not an address: "
                    + config.bindAddress(), e);
        }
    }

    /** Binds before returning, so a port in use or a wrong address fails the server's start. */
    @Override
    public void start() {
        try {
            server.bind();
        } catch (IOException e) {
            throw new UncheckedIOException("FastAGI cannot listen on " + config.bindAddress() + ":" + config.port(), e);
        }
        acceptor = Thread.ofPlatform().name("fastagi-accept").daemon().start(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                log.error("FastAGI server stopped: {}", e.getMessage());
            }
        });
        running = true;
        log.info("FastAGI listening on {}:{} for {}", config.bindAddress(), config.port(), config.allowedHosts());
    }

    @Override
    public void stop() {
        running = false;
        server.shutdown();
        server.sessions.shutdown();
        try {
            server.sessions.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the server accepts sessions: bound, its socket open and its accepting thread alive. */
    public boolean listening() {
        Thread accepting = acceptor;
        return running && accepting != null && accepting.isAlive() && server.listening();
    }

    /** Where it listens, {@code address:port}. */
    public String address() {
        return config.bindAddress() + ":" + config.port();
    }

    /** The most IVR sessions it runs at once. */
    public int maxSessions() {
        return config.maxSessions();
    }

    /** IVR sessions in progress. */
    public int sessions() {
        return config.maxSessions() - server.permits.availablePermits();
    }

    private static final class SessionAgiServer extends DefaultAgiServer {
        private final ExecutorService sessions;
        private final Semaphore permits;
        private final int readTimeoutMillis;
        private volatile AgiSockets bound;

        SessionAgiServer(MappingStrategy mapping, IvrProperties.FastAgi config) {
            super(null, mapping, new LeanAgiChannels());
            this.permits = new Semaphore(config.maxSessions());
            this.readTimeoutMillis = Math.toIntExact(config.socketReadTimeout().toMillis());
            this.sessions = switch (config.sessionThreads()) {
                // idle pooled threads end after a minute, so a burst does not keep its threads
                case PLATFORM -> Executors.newCachedThreadPool(Thread.ofPlatform().name("agi-", 0).daemon().factory());
                case VIRTUAL -> Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("agi-", 0).factory());
            };
        }

        void bind() throws IOException {
            bound = new AgiSockets(getAddress(), getPort(), readTimeoutMillis);
        }

        boolean listening() {
            AgiSockets socket = bound;
            return socket != null && socket.listening();
        }

        @Override
        protected ServerSocketFacade createServerSocket() {
            return bound;
        }

        @Override
        protected void execute(Runnable session) {
            if (!permits.tryAcquire()) {
                throw new RejectedExecutionException("all IVR sessions busy");
            }
            sessions.execute(() -> {
                try {
                    session.run();
                } finally {
                    permits.release();
                }
            });
        }
    }
}
