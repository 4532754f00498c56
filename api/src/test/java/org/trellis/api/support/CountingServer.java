package org.trellis.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on loopback that counts every connection it accepts, whatever is sent over it (plain HTTP, a TLS
 * handshake, nothing), and answers each with what {@code answer} writes. Proves that a refused fetch made no
 * connection at all.
 */
public final class CountingServer implements AutoCloseable {

    /** Writes an answer to one accepted connection. */
    @FunctionalInterface
    public interface Answer {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    public CountingServer(Answer answer) {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(connection, answer));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    /** A server answering every request with {@code status} and a JSON {@code body}. */
    public static CountingServer answering(int status, String extraHeaders, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new CountingServer(out -> out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\n"
                        + extraHeaders + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    public int port() {
        return socket.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    private static void serve(Socket connection, Answer answer) {
        try (connection) {
            connection.setSoTimeout(5000);
            readHeaders(connection.getInputStream());
            answer.write(connection.getOutputStream());
            connection.getOutputStream().flush();
        } catch (IOException | InterruptedException e) {
            // the client went away or sent no HTTP: counted anyway
        }
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; matched < 4 && (b = in.read()) != -1; ) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
