package dev.earshot.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The browser's only way out, spoken to as Chromium does (no browser needed). */
class GuardedProxyTest {

    private HttpServer site;
    private final AtomicInteger hits = new AtomicInteger();
    private GuardedProxy proxy;

    @BeforeEach
    void start() throws IOException {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", ex -> {
            hits.incrementAndGet();
            byte[] body = "<p>Northwind Coffee</p>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        site.start();
        // Private networks allowed, as in the local run: only the renderer's own ports stay out of reach.
        proxy = new GuardedProxy(new NetworkGuard(true, Duration.ofSeconds(5)), Duration.ofSeconds(2), Duration.ofSeconds(5));
        proxy.begin(1 << 20, System.nanoTime() + Duration.ofSeconds(10).toNanos());
    }

    @AfterEach
    void stop() {
        proxy.close();
        site.stop(0);
    }

    private String send(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aPlainHttpRequestIsSentOnAndCounted() throws IOException {
        int port = site.getAddress().getPort();
        String answer = send("GET http://127.0.0.1:" + port + "/reviews HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nProxy-Connection: keep-alive\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.endsWith("<p>Northwind Coffee</p>"), answer);
        assertEquals(1, hits.get());
        assertEquals(answer.length(), proxy.bytes(), "what came back counts against the render's cap");
    }

    @Test
    void theDriversPortAndTheProxysOwnAreRefusedEvenWherePrivateNetworksAreAllowed() throws IOException {
        int port = site.getAddress().getPort();
        proxy.forbid(port); // stands for chromedriver's port
        assertTrue(send("CONNECT 127.0.0.1:" + port + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                .startsWith("HTTP/1.1 403"));
        assertEquals("", send("GET http://localhost:" + port + "/session HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                "closed without an answer");
        assertTrue(send("CONNECT 127.0.0.1:" + proxy.port() + " HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 403"));
        assertEquals(0, hits.get());
        assertTrue(proxy.refusal().orElseThrow().getMessage().contains("the renderer's own"));
    }

    @Test
    void betweenRendersNothingGoesOut() throws IOException {
        proxy.end();
        int port = site.getAddress().getPort();
        assertEquals("", send("GET http://127.0.0.1:" + port + "/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        assertEquals(0, hits.get());
    }
}
