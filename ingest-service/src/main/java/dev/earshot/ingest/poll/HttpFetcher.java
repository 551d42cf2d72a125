package dev.earshot.ingest.poll;

import dev.earshot.ingest.IngestConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * Fetches a source politely and defensively: conditional GET, a descriptive User-Agent, connect,
 * read and total timeouts, a body cap that holds while the body streams in and again after gzip
 * decompression (so neither a 1 GiB body nor a gzip bomb is ever held), redirects followed by
 * hand up to a cap with the network guard checked on every hop.
 */
public class HttpFetcher {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final IngestConfig.Http config;
    private final NetworkGuard guard;
    private final Clock clock;
    private final HttpClient client;

    public HttpFetcher(IngestConfig.Http config, NetworkGuard guard, Clock clock) {
        this.config = config;
        this.guard = guard;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // by hand: each hop is checked and counted
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

    /** A response: 200 with its body, 304 without; {@code url} is where the last redirect led. */
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
            Optional<String> refused = guard.refusal(uri);
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
        long maxBytes = request.maxBytes() > 0 ? request.maxBytes() : config.maxBodyBytes();
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new FetchException(FetchException.Kind.timeout, request.url() + " took longer than " + config.totalTimeout());
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(min(config.readTimeout(), Duration.ofNanos(remaining)))
                .header("User-Agent", config.userAgent())
                .header("Accept-Encoding", "gzip")
                .header("Accept", request.accept() != null ? request.accept()
                        : "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
                .GET();
        if (request.etag() != null) {
            b.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            b.header("If-Modified-Since", request.lastModified());
        }
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(b.build(), info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new CappedBody(maxBytes, declared > maxBytes ? declared : -1);
        });
        HttpResponse<byte[]> response;
        try {
            response = pending.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new FetchException(FetchException.Kind.timeout,
                    uri + " did not send its whole response within " + config.totalTimeout(), null, e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw translate(uri, maxBytes, e.getCause());
        }
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        byte[] body = decode(uri, encoding, response.body(), maxBytes);
        int status = response.statusCode();
        Instant retryAfter = status == 429 || status == 503
                ? retryAfter(response.headers().firstValue("Retry-After").orElse(null)) : null;
        String location = status >= 300 && status < 400 ? response.headers().firstValue("Location").orElse(null) : uri.toString();
        return new Response(status, location, response.headers().firstValue("Content-Type").orElse(null), body,
                response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null), retryAfter);
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

    private FetchException translate(URI uri, long maxBytes, Throwable cause) {
        if (cause instanceof BodyTooLarge tooLarge) {
            return new FetchException(FetchException.Kind.too_large, tooLarge.declared > 0
                    ? uri + " declares a body of " + tooLarge.declared + " bytes, more than the " + maxBytes + " allowed"
                    : uri + " body is larger than " + maxBytes + " bytes");
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchException(FetchException.Kind.timeout,
                    "could not connect to " + uri.getHost() + " within " + config.connectTimeout(), null, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchException(FetchException.Kind.timeout,
                    uri + " did not answer within " + config.readTimeout(), null, cause);
        }
        if (cause instanceof ConnectException) {
            return new FetchException(FetchException.Kind.network, "could not connect to " + uri.getHost() + ":"
                    + (uri.getPort() == -1 ? "default port" : uri.getPort()), null, cause);
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

    private static final class BodyTooLarge extends IOException {
        /** The Content-Length that was refused before reading, or -1 when the body grew past the cap. */
        final long declared;

        BodyTooLarge(long declared) {
            super("body too large", null);
            this.declared = declared;
        }
    }

    /** Collects a body as it streams in and cancels the download the moment it passes the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long cap;
        private final long refusedLength;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Flow.Subscription subscription;
        private long received;

        /** @param refusedLength a declared Content-Length over the cap (refused unread), or -1 */
        CappedBody(long cap, long refusedLength) {
            this.cap = cap;
            this.refusedLength = refusedLength;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (refusedLength > 0) {
                s.cancel(); // Content-Length already says too much: read none of it
                result.completeExceptionally(new BodyTooLarge(refusedLength));
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buf : buffers) {
                received += buf.remaining();
                if (received > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLarge(-1));
                    return;
                }
                byte[] chunk = new byte[buf.remaining()];
                buf.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
