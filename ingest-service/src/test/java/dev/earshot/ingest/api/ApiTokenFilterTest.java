package dev.earshot.ingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Without EARSHOT_API_TOKEN the API is read-only: every change is refused, reads are not. */
class ApiTokenFilterTest {

    @Test
    void withoutAConfiguredTokenChangesAreRefused() {
        ApiTokenFilter filter = new ApiTokenFilter(Optional.empty());
        Response refused = filter.requireToken(request("POST", "/api/sources", "Bearer anything")).orElseThrow();
        assertEquals(403, refused.getStatus());
        assertTrue(((ApiError) refused.getEntity()).error().contains("set EARSHOT_API_TOKEN"));
        assertEquals(403, filter.requireToken(request("DELETE", "/api/brands/x", null)).orElseThrow().getStatus());
        assertTrue(filter.requireToken(request("GET", "/api/sources", null)).isEmpty());
        assertTrue(filter.requireToken(request("POST", "/q/health", null)).isEmpty(), "only the API is guarded");
    }

    @Test
    void rightTokenPasses() {
        ApiTokenFilter filter = new ApiTokenFilter(Optional.of("s3cret"));
        assertTrue(filter.requireToken(request("PUT", "/api/brands/x", "Bearer s3cret")).isEmpty());
        assertEquals(401, filter.requireToken(request("PUT", "/api/brands/x", "Basic czNjcmV0")).orElseThrow().getStatus());
    }

    private static ContainerRequestContext request(String method, String path, String authorization) {
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (p, m, a) -> m.getName().equals("getPath") ? path : null);
        return (ContainerRequestContext) Proxy.newProxyInstance(ContainerRequestContext.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getUriInfo" -> uri;
                    case "getHeaderString" -> authorization;
                    default -> null;
                });
    }
}
