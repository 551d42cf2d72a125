package dev.earshot.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Guards every route of the service, REST resources and {@code /q/metrics} alike, before any of them runs. Refusals
 * answer JSON, are counted in {@code earshot_access_refused_total{reason}} and logged at DEBUG (a scanner must not
 * fill the log).
 */
@ApplicationScoped
public class AccessFilter {

    /** Before Quarkus' own filters (CORS uses 300), so nothing answers a refused request. */
    static final int PRIORITY = 1_000;

    private final AccessPolicy policy;
    private final Map<AccessPolicy.Decision, Counter> refused = new EnumMap<>(AccessPolicy.Decision.class);

    public AccessFilter(AccessConfig config, MeterRegistry registry) {
        this.policy = new AccessPolicy(config.apiToken(), config.readToken(), config.openPaths().orElse(List.of()),
                config.queryPaths().orElse(List.of()), config.loopbackReads());
        for (AccessPolicy.Decision d : AccessPolicy.Decision.values()) {
            if (d != AccessPolicy.Decision.ALLOWED) {
                refused.put(d, Counter.builder("earshot.access.refused").tag("reason", d.tag())
                        .description("HTTP requests refused for want of the right token").register(registry));
            }
        }
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        String auth = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        AccessPolicy.Decision d = policy.decide(rc.request().method().name(), rc.normalizedPath(), auth,
                isLoopback(rc.request().remoteAddress()));
        if (d == AccessPolicy.Decision.ALLOWED) {
            rc.next();
            return;
        }
        refused.get(d).increment();
        Log.debugf("Refused %s %s: %s", rc.request().method(), rc.normalizedPath(), d.tag());
        var response = rc.response().setStatusCode(d.status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        if (d.status == 401) {
            response.putHeader("WWW-Authenticate", d == AccessPolicy.Decision.WRONG_TOKEN
                    ? "Bearer realm=\"earshot\", error=\"invalid_token\"" : "Bearer realm=\"earshot\"");
        }
        response.end("{\"error\":\"" + d.message.replace("\"", "\\\"") + "\"}");
    }

    private static boolean isLoopback(SocketAddress remote) {
        if (remote == null || remote.hostAddress() == null) {
            return false;
        }
        try {
            // hostAddress is a literal IP, so this parses and never looks anything up.
            return InetAddress.getByName(remote.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
