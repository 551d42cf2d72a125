package dev.earshot.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Who may call a service over HTTP. Health checks are always open. */
@ConfigMapping(prefix = "earshot.access")
public interface AccessConfig {

    /** Bearer token for changes, and for reads (env EARSHOT_API_TOKEN). Unset = changes refused. */
    Optional<String> apiToken();

    /** Bearer token for reads only: mentions, incidents, brands, sources, metrics (env EARSHOT_READ_TOKEN). */
    Optional<String> readToken();

    /** Path prefixes open to anyone besides health, e.g. alert-service's signed {@code /ack/} links. */
    Optional<List<String>> openPaths();

    /** Path prefixes whose POSTs change nothing (sentiment-service's {@code /api/score}): the read token may call them. */
    Optional<List<String>> queryPaths();

    /** Lets clients on the loopback interface read without a token; only the local run sets it. */
    @WithDefault("false")
    boolean loopbackReads();
}
