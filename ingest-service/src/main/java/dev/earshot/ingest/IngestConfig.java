package dev.earshot.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of ingest-service ({@code earshot.ingest.*}). */
@ConfigMapping(prefix = "earshot.ingest")
public interface IngestConfig {

    /** The YAML file with the brands to watch and the sources to poll (env EARSHOT_CONFIG). */
    Optional<Path> catalogFile();

    /** How often every source is polled. */
    @WithDefault("60s")
    Duration pollInterval();

    /** Delay before the first poll after start. */
    @WithDefault("5s")
    Duration initialDelay();

    Http http();

    interface Http {
        /** Sent on every request, so site owners can see who polls them and why. */
        @WithDefault("EarshotBot/0.1 (+https://github.com/earshot/earshot; brand-mention monitor)")
        String userAgent();

        /** Time to open a connection. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Time for a whole response, from request to last byte. */
        @WithDefault("20s")
        Duration requestTimeout();

        /** Largest body read from a source, after decompression; larger ones are cut off with an error. */
        @WithDefault("5242880")
        long maxBodyBytes();
    }
}
