package org.trellis.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback between the application and PostgreSQL, so tests can make the database go away without
 * touching the shared server: {@link #sever()} cuts every open connection (as a restart or a network cut does), and
 * {@link #refuse()} / {@link #accept()} stop and resume accepting new ones on the same port (connection refused in
 * between). Plain sockets, two virtual threads per connection.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile ServerSocket server;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
    }

    public int port() {
        return port;
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Cuts every open connection, both sides. New ones are still accepted unless {@link #refuse()} was called. */
    public void sever() {
        for (Socket socket : open) {
            try {
                socket.setSoLinger(true, 0); // a reset, as a dead peer or a cut network gives
            } catch (IOException e) {
                // already closed
            }
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Stops listening: new connections are refused until {@link #accept()}. */
    public synchronized void refuse() {
        closeQuietly(server);
    }

    /** Listens again on the same port. */
    public synchronized void accept() {
        if (server.isClosed()) {
            server = listen(port);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(server);
        sever();
    }

    private ServerSocket listen(int onPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
            Thread.ofVirtual().name("tcp-proxy-accept").start(() -> acceptLoop(socket));
            return socket;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on port " + onPort, e);
        }
    }

    private void acceptLoop(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket upstream;
                try {
                    upstream = new Socket(targetHost, targetPort);
                } catch (IOException e) {
                    closeQuietly(client);
                    continue;
                }
                accepted.incrementAndGet();
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                // closed by refuse() or close()
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // severed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
