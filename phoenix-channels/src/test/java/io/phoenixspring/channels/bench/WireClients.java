package io.phoenixspring.channels.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The load generator's WebSocket clients: thousands of connections on one selector thread, the
 * handshake and frames done by hand on plain NIO. A general-purpose client spends more CPU per
 * frame than the server it measures; this one keeps the generator's share of the machine small,
 * so that on two cores the server is what is measured.
 */
final class WireClients implements AutoCloseable {

    /** What a connection reports, on the selector thread. */
    interface Handler {
        void onOpen(Connection connection);

        /** A text frame's payload, valid only during the call. */
        void onText(byte[] buffer, int offset, int length);

        void onFailure(Exception failure);
    }

    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

    private final InetSocketAddress address;
    private final IoLoop[] loops;
    private int next;

    /** Connections spread over {@code threads} selector threads, round robin. */
    WireClients(String host, int port, int threads) throws IOException {
        this.address = new InetSocketAddress(host, port);
        this.loops = new IoLoop[threads];
        for (int i = 0; i < threads; i++) {
            loops[i] = new IoLoop("loadgen-io-" + i);
        }
    }

    /** Opens a WebSocket to pathAndQuery; firstFrame (may be null) is sent right after the upgrade. */
    Connection open(String pathAndQuery, String firstFrame, Handler handler) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        IoLoop loop = loops[next++ % loops.length];
        Connection connection = new Connection(loop, channel, pathAndQuery, firstFrame, handler);
        channel.connect(address);
        loop.pending.add(connection);
        loop.selector.wakeup();
        return connection;
    }

    @Override
    public void close() throws IOException {
        for (IoLoop loop : loops) {
            loop.close();
        }
    }

    /** One selector thread and the connections it serves. */
    private final class IoLoop {
        private final Selector selector;
        private final Queue<Connection> pending = new ConcurrentLinkedQueue<>();
        private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(1 << 20);
        private final Thread thread;
        private volatile boolean running = true;

        IoLoop(String name) throws IOException {
            this.selector = Selector.open();
            this.thread = new Thread(this::loop, name);
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            while (running) {
                try {
                    // select(Consumer) hands each ready key over without building a selected-key set.
                    selector.select(this::ready, 100);
                    Connection connection;
                    while ((connection = pending.poll()) != null) {
                        try {
                            connection.channel.register(selector, SelectionKey.OP_CONNECT, connection);
                        } catch (IOException | java.nio.channels.CancelledKeyException e) {
                            connection.fail(e);
                        }
                    }
                } catch (IOException e) {
                    if (running) {
                        e.printStackTrace();
                    }
                }
            }
        }

        private void ready(SelectionKey key) {
            Connection ready = (Connection) key.attachment();
            try {
                if (!key.isValid()) {
                    return;
                }
                if (key.isConnectable()) {
                    ready.connected(key);
                } else if (key.isReadable()) {
                    ready.read();
                }
            } catch (IOException | RuntimeException e) {
                ready.fail(e);
            }
        }

        void close() throws IOException {
            running = false;
            selector.wakeup();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        }
    }

    /** One client connection. */
    final class Connection {
        private final IoLoop loop;
        private final SocketChannel channel;
        private final String pathAndQuery;
        private final String firstFrame;
        private final Handler handler;
        private byte[] received = new byte[512];
        private int receivedLength;
        private boolean upgraded;
        private boolean failed;

        private Connection(IoLoop loop, SocketChannel channel, String pathAndQuery, String firstFrame, Handler handler) {
            this.loop = loop;
            this.channel = channel;
            this.pathAndQuery = pathAndQuery;
            this.firstFrame = firstFrame;
            this.handler = handler;
        }

        void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        private void connected(SelectionKey key) throws IOException {
            channel.finishConnect();
            key.interestOps(SelectionKey.OP_READ);
            String request = "GET " + pathAndQuery + " HTTP/1.1\r\n"
                    + "Host: " + address.getHostString() + ":" + address.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
            writeFully(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        }

        private void read() throws IOException {
            ByteBuffer readBuffer = loop.readBuffer;
            readBuffer.clear();
            int read = channel.read(readBuffer);
            if (read < 0) {
                close();
                return;
            }
            readBuffer.flip();
            if (receivedLength + read > received.length) {
                received = Arrays.copyOf(received, Math.max(received.length * 2, receivedLength + read));
            }
            readBuffer.get(received, receivedLength, read);
            receivedLength += read;
            int consumed = upgraded ? 0 : handshake();
            if (upgraded) {
                consumed = frames(consumed);
            }
            if (consumed > 0) {
                System.arraycopy(received, consumed, received, 0, receivedLength - consumed);
                receivedLength -= consumed;
            }
        }

        /** Reads the 101 response; returns the bytes it used. */
        private int handshake() throws IOException {
            int end = indexOf(received, receivedLength, HEADERS_END);
            if (end < 0) {
                return 0;
            }
            String head = new String(received, 0, end, StandardCharsets.US_ASCII);
            if (!head.startsWith("HTTP/1.1 101")) {
                throw new IOException("upgrade refused: " + head.lines().findFirst().orElse(""));
            }
            upgraded = true;
            handler.onOpen(this);
            if (firstFrame != null) {
                sendText(firstFrame);
            }
            return end + HEADERS_END.length;
        }

        /** Hands every whole frame to the handler; returns where the unparsed rest starts. */
        private int frames(int at) {
            while (receivedLength - at >= 2) {
                int opcode = received[at] & 0x0f;
                int length = received[at + 1] & 0x7f;
                int header = 2;
                if (length == 126) {
                    if (receivedLength - at < 4) {
                        break;
                    }
                    length = ((received[at + 2] & 0xff) << 8) | (received[at + 3] & 0xff);
                    header = 4;
                } else if (length == 127) {
                    if (receivedLength - at < 10) {
                        break;
                    }
                    length = (int) java.nio.ByteBuffer.wrap(received, at + 2, 8).getLong();
                    header = 10;
                }
                if (receivedLength - at < header + length) {
                    break;
                }
                if (opcode == 0x1) {
                    handler.onText(received, at + header, length);
                } else if (opcode == 0x8) {
                    close();
                }
                at += header + length;
            }
            return at;
        }

        /** A masked text frame (the all-zero key leaves the bytes as they are). */
        void sendText(String text) throws IOException {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            int header = payload.length < 126 ? 2 : 4;
            ByteBuffer frame = ByteBuffer.allocate(header + 4 + payload.length);
            frame.put((byte) 0x81);
            if (payload.length < 126) {
                frame.put((byte) (0x80 | payload.length));
            } else {
                frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
            }
            frame.putInt(0).put(payload).flip();
            writeFully(frame);
        }

        private void writeFully(ByteBuffer bytes) throws IOException {
            // Requests and joins are small: a fresh socket's buffer takes them at once.
            while (bytes.hasRemaining()) {
                if (channel.write(bytes) == 0) {
                    Thread.onSpinWait();
                }
            }
        }

        private void fail(Exception failure) {
            close();
            if (!failed) {
                failed = true;
                handler.onFailure(failure);
            }
        }
    }

    private static int indexOf(byte[] bytes, int length, byte[] needle) {
        outer:
        for (int i = 0; i <= length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
