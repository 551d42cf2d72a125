package dev.earshot.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The only way out for the browser: an HTTP proxy on 127.0.0.1 that Chromium is started with (every request, loopback
 * included), which resolves each host through the {@link NetworkGuard} and connects only to the addresses it checked —
 * for the page, every redirect hop and every sub-resource, whatever JavaScript asks for. {@code CONNECT host:port}
 * opens a tunnel (https, wss); an absolute-URI request (plain http) is sent on with {@code Connection: close}, one
 * request per connection, so a reused connection cannot carry a request to another host. It counts the bytes it
 * relays to the browser during one render and cuts every connection once they pass the cap. Between renders it
 * refuses everything, so the browser's own background traffic reaches nothing.
 */
final class GuardedProxy implements AutoCloseable {

    /** Largest request line and headers read from the browser. */
    private static final int MAX_HEAD = 64 * 1024;

    private final NetworkGuard guard;
    private final Duration connectTimeout;
    private final Duration idleTimeout;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    /**
     * Loopback ports a page must never reach, even where private networks are allowed (the local run): this proxy's
     * and chromedriver's, whose API starts programs.
     */
    private final Set<Integer> ownPorts = ConcurrentHashMap.newKeySet();
    private volatile Render current;

    /** One render: its byte cap, its deadline, and what the proxy refused during it. */
    private static final class Render {
        final long maxBytes;
        final long deadline;
        final AtomicLong bytes = new AtomicLong();
        final AtomicReference<FetchException> refusal = new AtomicReference<>();
        final AtomicReference<FetchException> tooLarge = new AtomicReference<>();

        Render(long maxBytes, long deadline) {
            this.maxBytes = maxBytes;
            this.deadline = deadline;
        }
    }

    /**
     * @param idleTimeout how long a connection may carry nothing before it is closed; a backstop, since every
     *                    connection of a render is closed when it ends
     */
    GuardedProxy(NetworkGuard guard, Duration connectTimeout, Duration idleTimeout) throws IOException {
        this.guard = guard;
        this.connectTimeout = connectTimeout;
        this.idleTimeout = idleTimeout;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "earshot-render-proxy");
            t.setDaemon(true);
            return t;
        });
        ownPorts.add(server.getLocalPort());
        threads.execute(this::accept);
    }

    /** A loopback port of Earshot's own (the browser's driver) that no page may reach. */
    void forbid(int port) {
        ownPorts.add(port);
    }

    int port() {
        return server.getLocalPort();
    }

    /** A render starts: what the browser downloads from now on counts against {@code maxBytes}. */
    void begin(long maxBytes, long deadline) {
        current = new Render(maxBytes, deadline);
    }

    /** The render is over: every connection it opened is closed, and new ones are refused until the next begins. */
    void end() {
        current = null;
        closeAll();
    }

    private void closeAll() {
        for (Closeable c : open) {
            quietly(c);
        }
    }

    /** The first request the guard refused during this render (a private address, a non-http scheme). */
    Optional<FetchException> refusal() {
        Render r = current;
        return r == null ? Optional.empty() : Optional.ofNullable(r.refusal.get());
    }

    /** Set once the render downloaded more than its cap. */
    Optional<FetchException> tooLarge() {
        Render r = current;
        return r == null ? Optional.empty() : Optional.ofNullable(r.tooLarge.get());
    }

    /** Bytes relayed to the browser during this render. */
    long bytes() {
        Render r = current;
        return r == null ? 0 : r.bytes.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                // closed: the renderer is shutting down
            }
        }
    }

    private void serve(Socket client) {
        Render render = current;
        open.add(client);
        try (client) {
            if (render == null || render.tooLarge.get() != null) {
                return; // between renders, or over the cap: nothing more goes out
            }
            client.setSoTimeout((int) idleTimeout.toMillis());
            InputStream in = client.getInputStream();
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            String text = new String(head, StandardCharsets.ISO_8859_1);
            String[] requestLine = text.substring(0, text.indexOf("\r\n")).split(" ");
            if (requestLine.length != 3) {
                answer(client, "400 Bad Request");
                return;
            }
            if (requestLine[0].equalsIgnoreCase("CONNECT")) {
                tunnel(client, render, requestLine[1]);
            } else {
                forward(client, render, requestLine, text);
            }
        } catch (IOException e) {
            // the browser or the site went away, or end() closed it: the browser sees a failed request
        } finally {
            open.remove(client);
        }
    }

    /** https and wss: {@code CONNECT host:port}, to a checked address only. */
    private void tunnel(Socket client, Render render, String authority) throws IOException {
        URI target;
        try {
            target = URI.create("https://" + authority);
        } catch (IllegalArgumentException e) {
            answer(client, "400 Bad Request");
            return;
        }
        if (target.getHost() == null || target.getPort() < 1) {
            answer(client, "400 Bad Request");
            return;
        }
        Socket upstream = connect(render, target.getHost(), target.getPort());
        if (upstream == null) {
            answer(client, "403 Forbidden");
            return;
        }
        try (upstream) {
            OutputStream out = client.getOutputStream();
            out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            relay(client, upstream, render);
        }
    }

    /** Plain http: an absolute-URI request, sent to a checked address with {@code Connection: close}. */
    private void forward(Socket client, Render render, String[] requestLine, String head) throws IOException {
        URI target;
        try {
            target = URI.create(requestLine[1]);
        } catch (IllegalArgumentException e) {
            answer(client, "400 Bad Request");
            return;
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") || target.getHost() == null) {
            refuse(render, new FetchException(FetchException.Kind.blocked,
                    "the page asked for '" + requestLine[1] + "', which is not an http(s) URL"));
            return; // closed without an answer: the browser shows it as a failed load, not as the site's page
        }
        Socket upstream = connect(render, target.getHost(), target.getPort() == -1 ? 80 : target.getPort());
        if (upstream == null) {
            return;
        }
        try (upstream) {
            StringBuilder out = new StringBuilder();
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            out.append(requestLine[0]).append(' ').append(path)
                    .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                    .append(' ').append(requestLine[2]).append("\r\n");
            String[] lines = head.substring(head.indexOf("\r\n") + 2).split("\r\n");
            for (String line : lines) {
                String name = line.contains(":") ? line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT) : "";
                if (!line.isEmpty() && !name.startsWith("proxy-") && !name.equals("connection") && !name.equals("keep-alive")) {
                    out.append(line).append("\r\n");
                }
            }
            out.append("Connection: close\r\n\r\n");
            upstream.getOutputStream().write(out.toString().getBytes(StandardCharsets.ISO_8859_1));
            upstream.getOutputStream().flush();
            relay(client, upstream, render);
        }
    }

    /**
     * A connection to one of the addresses the guard checked for {@code host}, or null when the guard refused it (the
     * refusal is kept for the renderer) or none of them answered.
     */
    private Socket connect(Render render, String host, int port) {
        InetAddress[] addresses;
        try {
            addresses = guard.addresses(host, render.deadline);
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.blocked) {
                refuse(render, e);
            }
            return null;
        }
        for (InetAddress a : addresses) {
            if ((a.isLoopbackAddress() || a.isAnyLocalAddress()) && ownPorts.contains(port)) {
                refuse(render, new FetchException(FetchException.Kind.blocked, "host '" + host + "' port " + port
                        + " is the renderer's own (its proxy or browser driver)"));
                return null;
            }
        }
        for (InetAddress a : addresses) {
            Socket s = new Socket();
            try {
                open.add(s);
                s.connect(new InetSocketAddress(a, port), (int) connectTimeout.toMillis());
                s.setSoTimeout((int) idleTimeout.toMillis());
                return s;
            } catch (IOException e) {
                open.remove(s);
                quietly(s);
            }
        }
        return null;
    }

    /** Both directions until either side closes; what comes back counts against the render's cap. */
    private void relay(Socket client, Socket upstream, Render render) throws IOException {
        open.add(upstream);
        try {
            threads.execute(() -> {
                try {
                    client.getInputStream().transferTo(upstream.getOutputStream());
                } catch (IOException e) {
                    // either side closed
                } finally {
                    quietly(upstream);
                }
            });
            InputStream in = upstream.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] chunk = new byte[16 * 1024];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                if (render.bytes.addAndGet(n) > render.maxBytes) {
                    render.tooLarge.compareAndSet(null, new FetchException(FetchException.Kind.too_large,
                            "the page and what it loaded came to more than " + render.maxBytes + " bytes"));
                    closeAll(); // every connection of this render: the browser gets no more
                    return;
                }
                out.write(chunk, 0, n);
            }
            out.flush();
        } finally {
            open.remove(upstream);
            quietly(upstream);
        }
    }

    private static void refuse(Render render, FetchException e) {
        render.refusal.compareAndSet(null, e);
    }

    /** The request line and headers, up to the blank line, or null when the browser closed first or sent too much. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; (b = in.read()) >= 0; ) {
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == 4) {
                return head.toByteArray();
            }
            if (head.size() > MAX_HEAD) {
                return null;
            }
        }
        return null;
    }

    private static void answer(Socket client, String status) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void quietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        end();
        quietly(server);
        threads.shutdownNow();
    }
}
