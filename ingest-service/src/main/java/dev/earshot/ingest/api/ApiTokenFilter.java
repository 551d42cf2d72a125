package dev.earshot.ingest.api;

import dev.earshot.ingest.IngestConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request that changes something under {@code /api} (and the preview, which makes Earshot
 * fetch a URL for the caller) needs {@code Authorization: Bearer <EARSHOT_API_TOKEN>}. With no
 * token configured the API is read-only: an unprotected write API would let anyone aim the
 * poller anywhere.
 */
public class ApiTokenFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Optional<byte[]> token;

    @Inject
    public ApiTokenFilter(IngestConfig config) {
        this(config.apiToken());
    }

    ApiTokenFilter(Optional<String> configured) {
        this.token = configured.filter(t -> !t.isBlank()).map(t -> t.strip().getBytes(StandardCharsets.UTF_8));
    }

    @ServerRequestFilter
    public Optional<Response> requireToken(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (SAFE.contains(request.getMethod()) || !(path.startsWith("/api/") || path.startsWith("api/"))) {
            return Optional.empty();
        }
        if (token.isEmpty()) {
            return Optional.of(error(Response.Status.FORBIDDEN,
                    "changes over the API are disabled: set EARSHOT_API_TOKEN to enable them"));
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(Response.fromResponse(error(Response.Status.UNAUTHORIZED,
                    "this endpoint needs 'Authorization: Bearer <token>'"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"earshot\"").build());
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token.get())) { // constant time: the token is not guessable byte by byte
            return Optional.of(Response.fromResponse(error(Response.Status.UNAUTHORIZED, "wrong API token"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"earshot\", error=\"invalid_token\"").build());
        }
        return Optional.empty();
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(ApiError.of(message)).build();
    }
}
