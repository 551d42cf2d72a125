package dev.earshot.sentiment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of sentiment-service ({@code earshot.sentiment.*}); the README lists each. The cluster
 * address is {@code kafka.bootstrap.servers} (env {@code KAFKA_BOOTSTRAP_SERVERS}), shared with the
 * Kafka health check.
 */
@ConfigMapping(prefix = "earshot.sentiment")
public interface SentimentConfig {

    /**
     * Extra keywords per aspect, added to the built-in taxonomy; a new aspect name adds an aspect.
     * E.g. {@code earshot.sentiment.aspects.parking=parking lot,car park}.
     */
    Map<String, List<String>> aspects();

    /**
     * Which scorer labels mentions: {@code learned} (the default: the rules' features plus the
     * bundled logistic regression, calibrated, see SCORING.md) or {@code rules} (the lexicon and
     * rules alone, as before the learned tier; no probabilities) or {@code deep} (the learned tier,
     * then a sentence-embedding model for the mentions it is unsure of; only in a {@code -Pdeep} build).
     */
    @WithDefault("learned")
    ScorerKind scorer();

    /** The scorers to choose from; {@code deep} needs a build with {@code -Pdeep}. */
    enum ScorerKind { LEARNED, RULES, DEEP }

    /**
     * With {@code scorer=deep}: mentions whose learned confidence is below this (and that have no
     * star rating) go through the sentence-embedding model; 1 sends every one.
     */
    @WithDefault("0.7")
    double deepBelow();

    /** How mentions are consumed, scored, written and committed. */
    Loop loop();

    /** The scoring loop's settings. */
    interface Loop {
        /** Most mentions scored, sent and committed as one batch. */
        @WithDefault("5000")
        int maxPollRecords();

        /** Most bytes fetched from one partition at a time (Kafka's 1 MiB default starves large batches). */
        @WithDefault("8388608")
        int maxPartitionFetchBytes();

        /** Threads that score a batch together; 0 means one per processor. */
        @WithDefault("0")
        int scoringThreads();

        /**
         * Compression of what is written ({@code none}, {@code lz4}, {@code zstd}, ...). Measured on
         * two cores, lz4 in the JVM took a fifth of the loop's time; zstd compresses natively.
         */
        @WithDefault("lz4")
        String compression();

        /** How long one send may take before Kafka reports it failed and the loop retries it. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** First wait before sending unacknowledged records again; doubles on each failed round. */
        @WithDefault("200ms")
        Duration retryBackoff();

        /** Longest wait between two rounds of resending. */
        @WithDefault("30s")
        Duration maxRetryBackoff();

        /**
         * Liveness goes DOWN when the loop has made no progress (no poll completed, nothing
         * acknowledged) for this long; a restart is then worth trying.
         */
        @WithDefault("10m")
        Duration stallTimeout();
    }
}
