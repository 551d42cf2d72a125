package dev.earshot.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The SMTP server the services talk to in a soak or fault run: a TCP proxy in front of the local
 * inbox that records every email the inbox accepted (its recipients and headers) and can hold back
 * the answer to DATA, as a slow mail server does.
 *
 * <p>It counts at the wire because the inbox cannot: alert-service gives a resent email the same
 * Message-ID, and the inbox keeps one message per Message-ID, so a duplicate would be invisible there.
 */
final class SmtpProxy implements AutoCloseable {

    /** One email the inbox answered 2xx to. */
    record Delivery(List<String> recipients, Map<String, String> headers) {
        /** A header's value by its name in lower case, or null. */
        String header(String lowerCaseName) {
            return headers.get(lowerCaseName);
        }
    }

    private final ServerSocket server;
    private final int upstreamPort;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-proxy");
        t.setDaemon(true);
        return t;
    });
    private volatile Duration dataDelay = Duration.ZERO;

    private SmtpProxy(ServerSocket server, int upstreamPort) {
        this.server = server;
        this.upstreamPort = upstreamPort;
    }

    static SmtpProxy start(int upstreamPort) {
        try {
            SmtpProxy proxy = new SmtpProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), upstreamPort);
            proxy.threads.submit(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the SMTP proxy", e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** From now on the answer to each email's data waits this long (zero: at once). */
    void delayDataReplies(Duration delay) {
        dataDelay = delay;
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.submit(() -> relay(client));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            Session session = new Session();
            threads.submit(() -> replies(upstream, client, session));
            commands(client, upstream, session);
        } catch (IOException e) {
            // The inbox is down or a side hung up: the client sees its connection close, as with a real server.
        }
    }

    /** Client to inbox: forwards every line, noting the envelope and the headers of each email. */
    private void commands(Socket client, Socket upstream, Session session) throws IOException {
        InputStream in = new BufferedInputStream(client.getInputStream());
        OutputStream out = upstream.getOutputStream();
        byte[] line;
        while ((line = readLine(in)) != null) {
            session.onClientLine(new String(line, StandardCharsets.ISO_8859_1).stripTrailing());
            out.write(line);
            out.flush();
        }
        upstream.shutdownOutput();
    }

    /** Inbox to client: forwards every reply, holding back the one that accepts an email's data. */
    private void replies(Socket upstream, Socket client, Session session) {
        try {
            InputStream in = new BufferedInputStream(upstream.getInputStream());
            OutputStream out = client.getOutputStream();
            byte[] line;
            while ((line = readLine(in)) != null) {
                Delivery accepted = session.onReply(new String(line, StandardCharsets.ISO_8859_1));
                if (accepted != null) {
                    Thread.sleep(dataDelay.toMillis());
                    deliveries.add(accepted);
                }
                out.write(line);
                out.flush();
            }
        } catch (IOException e) {
            // a side hung up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                client.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    /** What one connection is in the middle of; one SMTP command at a time (no pipelining). */
    private static final class Session {
        private List<String> recipients = new ArrayList<>();
        private Map<String, String> headers = new HashMap<>();
        private boolean awaitingDataReply;
        private boolean inData;
        private boolean inHeaders;
        private Delivery pending;

        synchronized void onClientLine(String line) {
            if (inData) {
                if (line.equals(".")) {
                    pending = new Delivery(List.copyOf(recipients), Map.copyOf(headers));
                    inData = false;
                } else if (inHeaders && line.isEmpty()) {
                    inHeaders = false;
                } else if (inHeaders && !line.startsWith(" ") && !line.startsWith("\t") && line.indexOf(':') > 0) {
                    int colon = line.indexOf(':');
                    headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
                return;
            }
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("MAIL FROM") || upper.equals("RSET")) {
                recipients = new ArrayList<>();
            } else if (upper.startsWith("RCPT TO:")) {
                recipients.add(line.substring("RCPT TO:".length()).trim().replaceAll("^<|>.*$", ""));
            } else if (upper.equals("DATA")) {
                awaitingDataReply = true;
                inData = true;
                inHeaders = true;
                headers = new HashMap<>();
            }
        }

        /** Returns the email this reply accepts, if it is the 2xx that ends an email's data. */
        synchronized Delivery onReply(String line) {
            if (line.length() > 3 && line.charAt(3) == '-') {
                return null; // a multi-line reply goes on
            }
            if (awaitingDataReply) {
                awaitingDataReply = false;
                inData = inData && line.startsWith("354");
                return null;
            }
            Delivery d = pending;
            pending = null;
            if (d != null) {
                recipients = new ArrayList<>();
            }
            return d != null && line.startsWith("2") ? d : null;
        }
    }

    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
