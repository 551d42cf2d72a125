package dev.earshot.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches a source politely and defensively: conditional GET, a descriptive User-Agent, connect,
 * read and total timeouts (the total one also bounds the DNS look-up), a body cap that holds while
 * the body streams in and again after gzip decompression (so neither a 1 GiB body nor a gzip bomb is
 * ever held), redirects followed by hand up to a cap. Host names are resolved by the
 * {@link NetworkGuard}, and the connection goes to the addresses it checked (Apache HttpClient's
 * {@link DnsResolver}: the JDK client cannot be told where to connect), so DNS rebinding reaches
 * nothing the guard did not allow — on every hop of every redirect.
 */
public class HttpFetcher implements AutoCloseable {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    /** Open connections kept, in all and per host; the per-host limit of polls is {@link HostLimiter}'s. */
    private static final int MAX_CONNECTIONS = 100;
    private static final int MAX_CONNECTIONS_PER_HOST = 20;
    /** Ends the fetches that outlive their total timeout (a slow drip) by closing their connection. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "earshot-http-deadlines");
        t.setDaemon(true);
        return t;
    });

    private final HttpSettings config;
    private final NetworkGuard guard;
    private final Clock clock;
    private final CloseableHttpClient client;
    /** The deadline of the fetch this thread is running: the look-up inside the connection is bounded by it. */
    private final ThreadLocal<Long> deadline = new ThreadLocal<>();

    public HttpFetcher(HttpSettings config, NetworkGuard guard, Clock clock) {
        this.config = config;
        this.guard = guard;
        this.clock = clock;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedResolver())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(config.connectTimeout()))
                                .setSocketTimeout(Timeout.of(config.readTimeout()))
                                .setTimeToLive(TimeValue.ofMinutes(5))
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2)).build())
                        .setMaxConnTotal(MAX_CONNECTIONS).setMaxConnPerRoute(MAX_CONNECTIONS_PER_HOST).build())
                .disableRedirectHandling() // by hand: each hop is counted
                .disableContentCompression() // by hand: the cap holds after decompression
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /**
     * What to fetch.
     *
     * @param etag         from the last successful poll, sent as If-None-Match
     * @param lastModified from the last successful poll, sent as If-Modified-Since
     * @param maxBytes     body cap for this request; 0 = the configured one
     */
    public record Request(String url, String etag, String lastModified, String accept, long maxBytes) {
        public static Request of(String url) {
            return new Request(url, null, null, null, 0);
        }
    }

    /** A response: 200 with its body, 304 without; {@code url} is where the last redirect led, without user-info. */
    public record Response(int status, String url, String contentType, byte[] body, String etag, String lastModified,
            Instant retryAfter) {
        public boolean notModified() {
            return status == 304;
        }
    }

    public Response fetch(Request request) throws FetchException, InterruptedException {
        long deadline = System.nanoTime() + config.totalTimeout().toNanos();
        URI uri = parse(request.url());
        for (int hop = 0; ; hop++) {
            Optional<String> refused = guard.shapeRefusal(uri); // the addresses are checked when connecting
            if (refused.isPresent()) {
                throw new FetchException(FetchException.Kind.blocked, refused.get());
            }
            Response r = once(uri, request, deadline);
            if (r.status() >= 300 && r.status() < 400 && r.status() != 304) {
                String location = r.url();
                if (location == null) {
                    throw new FetchException(FetchException.Kind.http, uri + " answered HTTP " + r.status() + " without a Location");
                }
                if (hop >= config.maxRedirects()) {
                    throw new FetchException(FetchException.Kind.redirects,
                            request.url() + " redirected more than " + config.maxRedirects() + " times (last to " + location + ")");
                }
                uri = parse(uri.resolve(location.strip()).toString());
                continue;
            }
            return r;
        }
    }

    private Response once(URI uri, Request request, long deadline) throws FetchException, InterruptedException {
        if (Thread.interrupted()) { // the blocking I/O below does not answer interrupts; shutting down asks here
            throw new InterruptedException("interrupted before fetching " + uri);
        }
        long maxBytes = request.maxBytes() > 0 ? request.maxBytes() : config.maxBodyBytes();
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new FetchException(FetchException.Kind.timeout, request.url() + " took longer than " + config.totalTimeout());
        }
        Duration left = Duration.ofNanos(remaining);
        HttpGet get = new HttpGet(withoutUserInfo(uri));
        get.setConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(min(config.connectTimeout(), left)))
                .setConnectTimeout(Timeout.of(min(config.connectTimeout(), left)))
                .setResponseTimeout(Timeout.of(min(config.readTimeout(), left))).build());
        get.setHeader("User-Agent", config.userAgent());
        get.setHeader("Accept-Encoding", "gzip");
        get.setHeader("Accept", request.accept() != null ? request.accept()
                : "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
        if (uri.getRawUserInfo() != null) { // user-info is sent as Basic auth to this hop only (redirects carry none)
            get.setHeader("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    uri.getUserInfo().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (request.etag() != null) {
            get.setHeader("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            get.setHeader("If-Modified-Since", request.lastModified());
        }
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> alarm = DEADLINES.schedule(() -> {
            expired.set(true);
            get.cancel(); // closes the connection: a read blocked on a slow drip ends now
        }, remaining, TimeUnit.NANOSECONDS);
        this.deadline.set(deadline);
        try (CloseableHttpResponse response = client.execute(get)) {
            int status = response.getCode();
            byte[] raw = body(uri, get, response.getEntity(), maxBytes);
            String encoding = header(response, "Content-Encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
            byte[] body = decode(uri, encoding, raw, maxBytes);
            Instant retryAfter = status == 429 || status == 503 ? retryAfter(header(response, "Retry-After").orElse(null)) : null;
            // Where the body came from, as links in it are resolved against: never with the user-info, or every
            // relative link would carry the credentials into a mention.
            String location = status >= 300 && status < 400 ? header(response, "Location").orElse(null)
                    : withoutUserInfo(uri).toString();
            return new Response(status, location, header(response, "Content-Type").orElse(null), body,
                    header(response, "ETag").orElse(null), header(response, "Last-Modified").orElse(null), retryAfter);
        } catch (FetchException e) {
            throw expired.get() ? totalTimeout(uri, e) : e;
        } catch (IOException e) {
            if (expired.get()) {
                throw totalTimeout(uri, e);
            }
            throw translate(uri, e);
        } finally {
            alarm.cancel(false);
            this.deadline.remove();
        }
    }

    /** The body as it streams in, given up the moment it passes the cap (or before, when Content-Length says so). */
    private static byte[] body(URI uri, HttpGet get, HttpEntity entity, long maxBytes) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        long declared = entity.getContentLength();
        if (declared > maxBytes) {
            get.cancel(); // read none of it, and do not let closing the response drain it either
            throw new FetchException(FetchException.Kind.too_large,
                    uri + " declares a body of " + declared + " bytes, more than the " + maxBytes + " allowed");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[16 * 1024];
        try (InputStream in = entity.getContent()) {
            long received = 0;
            for (int n; (n = in.read(chunk)) >= 0; ) {
                received += n;
                if (received > maxBytes) {
                    get.cancel();
                    throw new FetchException(FetchException.Kind.too_large, uri + " body is larger than " + maxBytes + " bytes");
                }
                out.write(chunk, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        String s = uri.toString();
        return URI.create(s.replaceFirst("//[^/?#@]*@", "//"));
    }

    private FetchException totalTimeout(URI uri, Exception cause) {
        return new FetchException(FetchException.Kind.timeout,
                uri + " did not send its whole response within " + config.totalTimeout(), null, cause);
    }

    private static Optional<String> header(CloseableHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? Optional.empty() : Optional.ofNullable(h.getValue());
    }

    /** Resolves through the guard: only checked addresses are ever connected to. */
    private final class CheckedResolver implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            Long d = deadline.get();
            try {
                return guard.addresses(host, d != null ? d : System.nanoTime() + config.totalTimeout().toNanos());
            } catch (FetchException e) {
                throw new Refused(e);
            }
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host; // only for Kerberos/SPNEGO, which Earshot does not use
        }
    }

    /** Carries the guard's refusal through the HTTP client, which expects an UnknownHostException here. */
    private static final class Refused extends UnknownHostException {
        final FetchException reason;

        Refused(FetchException reason) {
            super(reason.getMessage());
            this.reason = reason;
        }
    }

    private static byte[] decode(URI uri, String encoding, byte[] body, long maxBytes) throws FetchException {
        if (encoding.equals("identity") || body.length == 0) {
            return body;
        }
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            throw new FetchException(FetchException.Kind.unreadable, uri + " sent Content-Encoding '" + encoding + "', which was not asked for");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] plain = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (plain.length > maxBytes) {
                throw new FetchException(FetchException.Kind.too_large,
                        uri + " body is larger than " + maxBytes + " bytes once decompressed (" + body.length + " bytes compressed)");
            }
            return plain;
        } catch (IOException e) {
            if (e instanceof FetchException fe) {
                throw fe;
            }
            throw new FetchException(FetchException.Kind.unreadable, uri + " sent a broken gzip body: " + e.getMessage(), null, e);
        }
    }

    private FetchException translate(URI uri, IOException cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof Refused r) {
                return r.reason;
            }
        }
        if (cause instanceof ConnectTimeoutException) {
            return new FetchException(FetchException.Kind.timeout,
                    "could not connect to " + uri.getHost() + " within " + config.connectTimeout(), null, cause);
        }
        if (cause instanceof SocketTimeoutException) {
            return new FetchException(FetchException.Kind.timeout,
                    uri + " did not answer within " + config.readTimeout(), null, cause);
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return new FetchException(FetchException.Kind.network, "could not connect to " + uri.getHost() + ":"
                    + (uri.getPort() == -1 ? "default port" : uri.getPort()), null, cause);
        }
        if (cause instanceof UnknownHostException) {
            return new FetchException(FetchException.Kind.network, "host '" + uri.getHost() + "' does not resolve", null, cause);
        }
        return new FetchException(FetchException.Kind.network, uri + " failed: "
                + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), null, cause);
    }

    private Instant retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return clock.instant().plusSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            try {
                return ZonedDateTime.parse(header.strip(), HTTP_DATE).toInstant();
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }

    private static URI parse(String url) throws FetchException {
        try {
            return URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.blocked, "'" + url + "' is not a URL: " + e.getMessage());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // closing idle connections; nothing to do about it
        }
    }
}
