package org.callcentre.ivr.fastagi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.asteriskjava.util.SocketConnectionFacade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FastAGI connections on real loopback sockets, fed the way TCP may deliver Asterisk's lines. */
class AgiSocketsTest {

    private AgiSockets sockets;
    private Socket asterisk;
    private SocketConnectionFacade connection;

    @BeforeEach
    void connect() throws IOException {
        sockets = new AgiSockets(InetAddress.getLoopbackAddress(), 0, 2000);
        asterisk = new Socket(InetAddress.getLoopbackAddress(), sockets.localPort());
        connection = sockets.accept();
    }

    @AfterEach
    void close() throws IOException {
        asterisk.close();
        connection.close();
        sockets.close();
    }

    @Test
    void linesSentTogetherAreReadOneByOne() throws IOException {
        send("agi_network: yes\nagi_channel: PJSIP/caller-00000001\n\n200 result=0\n");

        assertThat(connection.readLine()).isEqualTo("agi_network: yes");
        assertThat(connection.readLine()).isEqualTo("agi_channel: PJSIP/caller-00000001");
        assertThat(connection.readLine()).isEmpty();
        assertThat(connection.readLine()).isEqualTo("200 result=0");
    }

    @Test
    void aLineDeliveredByteByByteIsReadWholeWithItsChineseCharacters() throws Exception {
        byte[] line = "agi_calleridname: 张小姐 Zhang\n".getBytes(StandardCharsets.UTF_8);
        Thread.ofPlatform().start(() -> {
            try {
                OutputStream out = asterisk.getOutputStream();
                for (byte b : line) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(1);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(connection.readLine()).isEqualTo("agi_calleridname: 张小姐 Zhang");
    }

    @Test
    void aLineLongerThanTheFirstBufferIsReadWholeAndTheNextOneAfterIt() throws IOException {
        String variable = "x".repeat(5000);
        send("200 result=1 (" + variable + ")\n200 result=0\n");

        assertThat(connection.readLine()).isEqualTo("200 result=1 (" + variable + ")");
        assertThat(connection.readLine()).isEqualTo("200 result=0");
    }

    @Test
    void manyLinesInARowKeepTheirBoundariesAsTheBufferIsReused() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            lines.append("agi_arg_").append(i).append(": ").append("v".repeat(i % 37)).append('\n');
        }
        send(lines.toString());

        for (int i = 0; i < 500; i++) {
            assertThat(connection.readLine()).isEqualTo("agi_arg_" + i + ": " + "v".repeat(i % 37));
        }
    }

    @Test
    void anAbsurdlyLongLineEndsTheSessionInsteadOfGrowingWithoutBound() throws Exception {
        Thread.ofPlatform().start(() -> {
            try {
                asterisk.getOutputStream().write(new byte[AgiSockets.MAX_LINE_BYTES + 10]);
            } catch (IOException e) {
                // the server closed the connection: expected
            }
        });

        assertThatThrownBy(connection::readLine).isInstanceOf(IOException.class)
                .hasMessageContaining("longer than " + AgiSockets.MAX_LINE_BYTES);
    }

    @Test
    void atTheEndOfTheStreamTheUnterminatedRestComesFirstThenNothing() throws IOException {
        send("200 result=0\nHANGUP");
        asterisk.shutdownOutput();

        assertThat(connection.readLine()).isEqualTo("200 result=0");
        assertThat(connection.readLine()).isEqualTo("HANGUP");
        assertThat(connection.readLine()).isNull();
        assertThat(connection.readLine()).isNull();
    }

    @Test
    void aSilentPeerTimesOutAfterTheConfiguredReadTimeout() throws IOException {
        sockets.setSocketReadTimeout(100);
        try (Socket quiet = new Socket(InetAddress.getLoopbackAddress(), sockets.localPort());
             SocketConnectionFacadeCloser c = new SocketConnectionFacadeCloser(sockets.accept())) {
            assertThatThrownBy(c.connection::readLine).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void theReadTimeoutCountsEachWaitNotTheWholeSession() throws Exception {
        sockets.setSocketReadTimeout(1000);
        Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < 8; i++) {
                    Thread.sleep(100);
                    send("200 result=" + i + "\n");
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        for (int i = 0; i < 8; i++) {
            assertThat(connection.readLine()).isEqualTo("200 result=" + i);
        }
        assertThatThrownBy(connection::readLine).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void aCommandGoesOutAsItsUtf8Bytes() throws IOException {
        connection.write("EXEC \"Playback\" \"zh/欢迎\"\n");
        connection.flush();

        InputStream in = asterisk.getInputStream();
        byte[] expected = "EXEC \"Playback\" \"zh/欢迎\"\n".getBytes(StandardCharsets.UTF_8);
        assertThat(in.readNBytes(expected.length)).isEqualTo(expected);
    }

    @Test
    void theConnectionKnowsBothEnds() {
        assertThat(connection.getRemoteAddress()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(connection.getRemotePort()).isEqualTo(asterisk.getLocalPort());
        assertThat(connection.getLocalPort()).isEqualTo(sockets.localPort());
        assertThat(connection.isConnected()).isTrue();
    }

    private void send(String text) throws IOException {
        asterisk.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        asterisk.getOutputStream().flush();
    }

    private record SocketConnectionFacadeCloser(SocketConnectionFacade connection) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            connection.close();
        }
    }
}
