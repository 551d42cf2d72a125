package dev.earshot.alert.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a real SMTP server that answers every {@code DATA} command late, like a
 * mail server busy scanning: the client's lines pass at once, the server's reply to {@code DATA} is
 * held for {@code delay}. Everything else passes unchanged.
 */
public final class SlowSmtpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Duration delay;
    private final AtomicInteger holding = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private volatile boolean open = true;

    public SlowSmtpProxy(int targetPort, Duration delay) {
        this.targetPort = targetPort;
        this.delay = delay;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accept = new Thread(this::accept, "slow-smtp-accept");
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Replies to DATA being held right now. */
    public int holding() {
        return holding.get();
    }

    /** Replies to DATA held so far. */
    public int held() {
        return held.get();
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                AtomicBoolean dataSent = new AtomicBoolean();
                start(() -> clientToServer(client, target, dataSent));
                start(() -> serverToClient(target, client, dataSent));
            } catch (IOException e) {
                if (open) {
                    System.err.println("slow SMTP proxy: " + e);
                }
            }
        }
    }

    private static void start(Runnable r) {
        Thread t = new Thread(r, "slow-smtp-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Forwards the client's bytes at once, noting each {@code DATA} command line before it goes out. */
    private void clientToServer(Socket from, Socket to, AtomicBoolean dataSent) {
        StringBuilder line = new StringBuilder();
        boolean inBody = false;
        try (from; to; InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    char c = (char) (buf[i] & 0xff);
                    if (c != '\n') {
                        line.append(c);
                        continue;
                    }
                    String l = line.toString().strip();
                    line.setLength(0);
                    if (inBody) {
                        inBody = !l.equals(".");
                    } else if (l.equalsIgnoreCase("DATA")) {
                        inBody = true;
                        dataSent.set(true);
                    }
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // connection closed
        }
    }

    /** Forwards the server's bytes, holding the first reply after a {@code DATA} command. */
    private void serverToClient(Socket from, Socket to, AtomicBoolean dataSent) {
        try (from; to; InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                String chunk = new String(buf, 0, n, StandardCharsets.US_ASCII);
                if (dataSent.get() && (chunk.startsWith("354") || chunk.contains("\n354"))) {
                    dataSent.set(false);
                    holding.incrementAndGet();
                    held.incrementAndGet();
                    try {
                        Thread.sleep(delay.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } finally {
                        holding.decrementAndGet();
                    }
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // connection closed
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
    }
}
