package dev.earshot.console.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sends {@code /} to the inbox. Runs before the access module's filter (which would answer a token error: its open
 * paths are prefixes, and {@code /} would open everything).
 */
@ApplicationScoped
public class RootRedirect {

    /** Above the access filter's 1,000: higher runs first. */
    static final int PRIORITY = 2_000;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if ("/".equals(rc.normalizedPath())) {
                rc.response().setStatusCode(302).putHeader("Location", "/incidents").end();
            } else {
                rc.next();
            }
        }, PRIORITY);
    }
}
