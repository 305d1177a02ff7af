package org.callcentre.ivr.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough of Asterisk's manager interface for Asterisk-Java to log in (banner, MD5 challenge,
 * login, CoreSettings), then whatever raw packets a test sends, byte for byte as Asterisk would.
 */
final class FakeAmiServer implements AutoCloseable {

    private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    private volatile Socket client;
    private OutputStream out;
    /** The Login action as received, header names in lower case. */
    volatile Map<String, String> login = Map.of();

    FakeAmiServer() throws IOException {
        Thread.ofVirtual().name("fake-ami").start(this::serve);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Sends one raw packet: its lines, each ended by CRLF, then the empty line. */
    synchronized void send(String... lines) throws IOException {
        StringBuilder packet = new StringBuilder();
        for (String line : lines) {
            packet.append(line).append("\r\n");
        }
        write(packet.append("\r\n").toString());
    }

    private synchronized void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void serve() {
        try (Socket socket = server.accept()) {
            client = socket;
            out = socket.getOutputStream();
            write("Asterisk Call Manager/9.0.0\r\n");
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Map<String, String> action = new HashMap<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(':');
                    action.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                    continue;
                }
                String id = "ActionID: " + action.get("actionid");
                if ("login".equalsIgnoreCase(action.get("action"))) {
                    login = Map.copyOf(action);
                }
                switch (action.getOrDefault("action", "").toLowerCase(Locale.ROOT)) {
                    case "challenge" -> send("Response: Success", id, "Challenge: 840415273");
                    case "coresettings" -> send("Response: Success", id, "AMIversion: 10.0.0",
                            "AsteriskVersion: 22.5.2", "SystemName: fake");
                    case "logoff" -> send("Response: Goodbye", id, "Message: Thanks for all the fish.");
                    default -> send("Response: Success", id, "Message: Authentication accepted");
                }
                action.clear();
            }
        } catch (IOException closed) {
            // the test ended
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (client != null) {
            client.close();
        }
    }
}
