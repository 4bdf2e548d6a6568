package io.phoenixspring.channels.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A minimal WebSocket client on a blocking socket: masks what it sends, reads frames on demand. */
public final class WireClient implements AutoCloseable {
    final Socket socket;
    final DataInputStream in;
    final OutputStream out;
    /** The server's 101 response head. */
    public String handshake;

    private WireClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static WireClient connect(TestServer server, String user) throws IOException {
        return connect(server, user, 0);
    }

    /** With {@code receiveBuffer} bytes of kernel receive buffer (0: the system's), so a client that stops reading stops soon. */
    public static WireClient connect(TestServer server, String user, int receiveBuffer) throws IOException {
        return connect(server, user, receiveBuffer, "");
    }

    /** With extra request header lines ({@code "Name: value\r\n"} each); the 101 response's head is kept in {@link #handshake}. */
    public static WireClient connect(TestServer server, String user, int receiveBuffer, String extraHeaders)
            throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
        socket.setSoTimeout(10_000);
        WireClient client = new WireClient(socket);
        String request = "GET /socket/websocket?vsn=2.0.0&token=" + server.token(user) + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + server.port() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n";
        client.out.write(request.getBytes(StandardCharsets.US_ASCII));
        client.out.flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            head.write(client.in.readUnsignedByte());
        }
        client.handshake = head.toString(StandardCharsets.US_ASCII);
        assertThat(client.handshake).startsWith("HTTP/1.1 101");
        return client;
    }

    public void join(String topic) throws IOException {
        sendText("[\"1\",\"1\",\"" + topic + "\",\"phx_join\",{}]");
        assertThat(nextText()).isEqualTo("[\"1\",\"1\",\"" + topic + "\",\"phx_reply\",{\"response\":{},\"status\":\"ok\"}]");
    }

    public void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        }
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The next text frame's payload; fails on anything else. */
    public String nextText() throws IOException {
        int first = in.readUnsignedByte();
        assertThat(first).as("FIN + text opcode").isEqualTo(0x81);
        return new String(payload(), StandardCharsets.UTF_8);
    }

    /** The next frame's first byte (FIN, RSV bits, opcode) and its payload. */
    public java.util.Map.Entry<Integer, byte[]> nextFrame() throws IOException {
        int first = in.readUnsignedByte();
        return java.util.Map.entry(first, payload());
    }

    private byte[] payload() throws IOException {
        int second = in.readUnsignedByte();
        assertThat(second & 0x80).as("server frames are not masked").isZero();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return payload;
    }

    /** Reads frames until a close frame or the end of the stream; returns how many text frames came first. */
    public int drainUntilClosed() throws IOException {
        int texts = 0;
        try {
            while (true) {
                int first = in.readUnsignedByte();
                byte[] payload = payload();
                if ((first & 0x0f) == 0x8) {
                    int code = ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
                    assertThat(code).isEqualTo(1013);
                    return texts;
                }
                texts++;
            }
        } catch (EOFException | java.net.SocketException end) {
            return texts;
        } catch (SocketTimeoutException stuck) {
            throw new AssertionError("the server neither closed nor finished the stalled socket", stuck);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
