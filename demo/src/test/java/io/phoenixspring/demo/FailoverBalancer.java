package io.phoenixspring.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny TCP load balancer for the cluster test, as a failover pool would be: every new
 * connection goes to the first backend that accepts it, so clients land on the first node while
 * it lives and on the next once it is gone. Bytes are copied both ways unchanged (HTTP and
 * WebSocket alike); when either side closes, so does the other.
 */
final class FailoverBalancer implements AutoCloseable {

    private final List<Integer> backends;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    FailoverBalancer(List<Integer> backendPorts) throws IOException {
        this.backends = List.copyOf(backendPorts);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "balancer-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket backend = connectToFirstAlive();
                if (backend == null) {
                    client.close();
                    continue;
                }
                open.add(client);
                open.add(backend);
                pump(client, backend);
                pump(backend, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private Socket connectToFirstAlive() {
        for (int port : backends) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                socket.setTcpNoDelay(true);
                return socket;
            } catch (IOException down) {
                closeQuietly(socket);
            }
        }
        return null;
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "balancer-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(FailoverBalancer::closeQuietly);
    }
}
