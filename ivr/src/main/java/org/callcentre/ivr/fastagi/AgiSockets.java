package org.callcentre.ivr.fastagi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * The FastAGI listening socket and its connections, read and written as bytes.
 *
 * <p>Asterisk-Java's own connections decode through an {@code InputStreamReader} into its
 * {@code FastScanner} and encode through a {@code BufferedWriter}: about 50 KB of buffers per
 * connection, and a {@code FIONREAD} system call after every read. AGI is a line protocol whose
 * lines end in a newline byte, which never occurs inside a UTF-8 sequence, so a connection here
 * splits the bytes on newlines and decodes each line whole; a command goes out in one write.
 *
 * <p>Reads block without a socket timeout ({@code SO_TIMEOUT}): on a platform thread a timed read
 * is three system calls per wait (a read that finds nothing, a poll, the read), an untimed one is
 * one. The read timeout is kept by a sweeper instead, which closes a connection that has waited
 * longer than the timeout for Asterisk; its reader then gets a {@link SocketTimeoutException}. The
 * sweep runs every quarter of the timeout (at most every minute), so a timeout fires up to a
 * quarter late, which for a timeout measured in hours does not matter.
 *
 * <p>Lines longer than {@link #MAX_LINE_BYTES} are refused with an {@link IOException}, which
 * Asterisk-Java's reader treats as the end of the session.
 */
final class AgiSockets implements ServerSocketFacade {

    /** Far above any environment line or reply Asterisk sends; bounds what a broken peer can make us hold. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private static final int BACKLOG = 200;

    private static final long MAX_SWEEP_MILLIS = 60_000;

    private final ServerSocket server;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("fastagi-timeouts").daemon().factory());
    private volatile long readTimeoutMillis;

    /** @param readTimeoutMillis how long a read waits for Asterisk; 0 or less for ever */
    AgiSockets(InetAddress address, int port, int readTimeoutMillis) throws IOException {
        this.server = new ServerSocket(port, BACKLOG, address);
        this.readTimeoutMillis = readTimeoutMillis;
        sweeper.execute(this::sweep);
    }

    @Override
    public SocketConnectionFacade accept() throws IOException {
        Connection connection = new Connection(server.accept(), open);
        open.add(connection);
        return connection;
    }

    /** Whether the listening socket is bound and not closed. */
    boolean listening() {
        return server.isBound() && !server.isClosed();
    }

    @Override
    public void close() throws IOException {
        sweeper.shutdownNow();
        server.close();
    }

    @Override
    public void setSocketReadTimeout(int millis) {
        this.readTimeoutMillis = millis;
    }

    /** Closes the connections that have waited too long, and schedules the next sweep. */
    private void sweep() {
        long timeout = readTimeoutMillis;
        try {
            if (timeout > 0) {
                long deadline = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(timeout);
                open.forEach(c -> c.timeOutIfWaitingSince(deadline));
            }
        } finally { // whatever happened, the timeouts must go on being kept
            long next = timeout > 0 ? Math.clamp(timeout / 4, 1, MAX_SWEEP_MILLIS) : MAX_SWEEP_MILLIS;
            if (!sweeper.isShutdown()) {
                sweeper.schedule(this::sweep, next, TimeUnit.MILLISECONDS);
            }
        }
    }

    int localPort() {
        return server.getLocalPort();
    }

    /** One connection from Asterisk. Used by one session thread at a time, as the library does. */
    static final class Connection implements SocketConnectionFacade {
        private static final long NOT_WAITING = Long.MIN_VALUE;

        private final Socket socket;
        private final Set<Connection> open;
        private final InputStream in;
        private final OutputStream out;
        private byte[] buffer = new byte[1024];
        private int start;
        private int end;
        /** When the read now blocked began ({@link System#nanoTime()}), or {@link #NOT_WAITING}. */
        private volatile long waitingSince = NOT_WAITING;
        private volatile boolean timedOut;

        Connection(Socket socket, Set<Connection> open) throws IOException {
            this.socket = socket;
            this.open = open;
            try {
                this.in = socket.getInputStream();
                this.out = socket.getOutputStream();
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        void timeOutIfWaitingSince(long deadline) {
            long since = waitingSince;
            if (since != NOT_WAITING && since - deadline < 0) {
                timedOut = true;
                try {
                    socket.close();
                } catch (IOException e) {
                    // closed already: the session is ending anyway
                }
            }
        }

        /**
         * The next line without its newline; at the end of the stream the unterminated rest, if
         * any, else {@code null}.
         */
        @Override
        public String readLine() throws IOException {
            int scanned = 0; // bytes after start known to hold no newline
            while (true) {
                for (int i = start + scanned; i < end; i++) {
                    if (buffer[i] == '\n') {
                        String line = new String(buffer, start, i - start, StandardCharsets.UTF_8);
                        start = i + 1;
                        return line;
                    }
                }
                scanned = end - start;
                if (!fill()) {
                    String rest = start == end ? null : new String(buffer, start, end - start, StandardCharsets.UTF_8);
                    start = end;
                    return rest;
                }
            }
        }

        /** Reads more bytes after the pending ones, making room first; false at the end of the stream. */
        private boolean fill() throws IOException {
            if (end == buffer.length) {
                int pending = end - start;
                if (start > 0) {
                    System.arraycopy(buffer, start, buffer, 0, pending);
                } else if (buffer.length >= MAX_LINE_BYTES) {
                    throw new IOException("FastAGI line longer than " + MAX_LINE_BYTES + " bytes");
                } else {
                    buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_LINE_BYTES));
                }
                start = 0;
                end = pending;
            }
            int n;
            waitingSince = System.nanoTime();
            try {
                n = in.read(buffer, end, buffer.length - end);
            } catch (IOException e) {
                if (timedOut) {
                    throw new SocketTimeoutException("no line from Asterisk within the FastAGI read timeout");
                }
                throw e;
            } finally {
                waitingSince = NOT_WAITING;
            }
            if (n < 0) {
                return false;
            }
            end += n;
            return true;
        }

        /** Sends {@code s} at once, in one write: the library writes a whole command line per call. */
        @Override
        public void write(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            // nothing is buffered
        }

        @Override
        public void close() throws IOException {
            open.remove(this);
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
            return socket.getInetAddress();
        }

        @Override
        public int getRemotePort() {
            return socket.getPort();
        }
    }
}
