package dev.earshot.ingest;

import dev.earshot.ingest.fetch.HttpSettings;
import dev.earshot.ingest.fetch.RenderSettings;
import dev.earshot.ingest.poll.PollSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of ingest-service ({@code earshot.ingest.*}); the README lists each with its env name. */
@ConfigMapping(prefix = "earshot.ingest")
public interface IngestConfig {

    /** The YAML file with the brands to watch and the sources to poll (env EARSHOT_CONFIG). */
    Optional<Path> catalogFile();

    /** How often every source is polled, unless the source sets its own {@code interval}. */
    @WithDefault("60s")
    Duration pollInterval();

    /** Delay before the first poll after start. */
    @WithDefault("5s")
    Duration initialDelay();

    /** Lets sources reach loopback, private and link-local addresses (env EARSHOT_ALLOW_PRIVATE_NETWORKS). */
    @WithDefault("false")
    boolean allowPrivateNetworks();

    /**
     * Longest wait, per attempt, to read the state topics (published markers, catalog changes) before
     * this replica polls; a replica that has not caught up by then keeps reading, reports it in
     * readiness, and tries again with backoff.
     */
    @WithDefault("60s")
    Duration catchUpTimeout();

    /**
     * How long a published mention is remembered after it was last seen: a review that disappears
     * from its source for longer and comes back is published once more. Bounds the memory and the
     * topic {@code earshot-ingest-published}.
     */
    @WithDefault("30d")
    Duration publishedRetention();

    Http http();

    Hosts hosts();

    Poll poll();

    Robots robots();

    Render render();

    Shards shards();

    /** How sources are fetched. */
    interface Http extends HttpSettings {
        /** Sent on every request, so site owners can see who polls them and why. */
        @Override
        @WithDefault("EarshotBot/0.1 (+https://github.com/earshot/earshot; brand-mention monitor)")
        String userAgent();

        /** Time to open a connection. */
        @Override
        @WithDefault("5s")
        Duration connectTimeout();

        /** Time from sending the request to the response headers. */
        @Override
        @WithDefault("15s")
        Duration readTimeout();

        /** Time for a whole response, redirects included, to its last byte: a slow drip is cut off here. */
        @Override
        @WithDefault("30s")
        Duration totalTimeout();

        /** Largest body read from a source, after decompression; larger ones are cut off with an error. */
        @Override
        @WithDefault("5242880")
        long maxBodyBytes();

        /** Redirects followed before a fetch gives up (a redirect loop ends here). */
        @Override
        @WithDefault("5")
        int maxRedirects();
    }

    /** Pages with {@code render: true}: read through headless Chromium; timeouts and caps are {@link Http}'s. */
    interface Render extends RenderSettings {
        @Override
        @WithDefault("/usr/bin/chromium")
        Path chromium();

        @Override
        @WithDefault("/usr/bin/chromedriver")
        Path chromedriver();

        @Override
        @WithDefault("1")
        int maxConcurrent();

        @Override
        @WithDefault("3s")
        Duration settleTime();

        @Override
        @WithDefault("20971520")
        long maxTrafficBytes();

        @Override
        @WithDefault("120s")
        Duration queueTimeout();
    }

    /** Politeness towards each host, whatever number of sources it serves. */
    interface Hosts {
        /** Least time between the starts of two requests to one host. */
        @WithDefault("1s")
        Duration minInterval();

        /** Requests to one host at the same time. */
        @WithDefault("2")
        int maxConcurrent();
    }

    /** The poll loop. */
    interface Poll extends PollSettings {
        /** Threads that fetch and read sources; one source uses one thread for its whole poll. */
        @Override
        @WithDefault("16")
        int workers();

        /** Longest wait after errors (exponential backoff with jitter grows up to this). */
        @Override
        @WithDefault("30m")
        Duration maxBackoff();

        /** Polls in a row that must fail before a "failing" monitor event is raised. */
        @Override
        @WithDefault("5")
        int failuresBeforeBroken();

        /** Upper bound on a page source's {@code maxPages}, whatever the source asks for. */
        @Override
        @WithDefault("10")
        int maxPagesLimit();
    }

    /** robots.txt. */
    interface Robots {
        /** Honour robots.txt (turn off only for sites you own). */
        @WithDefault("true")
        boolean enabled();

        /** How long a host's robots.txt is trusted before it is read again. */
        @WithDefault("6h")
        Duration cacheTtl();
    }

    /** How replicas share the sources. */
    interface Shards {
        /** Partitions of the shard topic = most replicas that get a share of the sources; fixed once created. */
        @WithDefault("12")
        int partitions();

        /** Consumer group of the replicas; replicas of one installation share it. */
        @WithDefault("earshot-ingest-pollers")
        String group();
    }
}
