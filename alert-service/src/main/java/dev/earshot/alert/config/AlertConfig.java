package dev.earshot.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of alert-service ({@code earshot.alert.*}; env {@code EARSHOT_ALERT_*}). Brands may override the rule thresholds. */
@ConfigMapping(prefix = "earshot.alert")
public interface AlertConfig {


    /** Who gets alerts for a brand that lists no recipients of its own. */
    Optional<List<String>> defaultRecipients();

    /** Who gets "monitor broken" emails when the operator's file lists no {@code operators}. */
    Optional<List<String>> operators();

    /** A Slack-compatible incoming-webhook URL for brands that name none of their own. */
    Optional<String> slackWebhook();

    Instant instant();

    Spike spike();

    Drift drift();

    Incidents incidents();

    Notify notifications();

    Streams streams();

    /**
     * The rule that raises an alert for one dangerous mention. Unset values keep the default of
     * {@code DetectionSettings.defaults()}, the one place defaults are written (the README's table is checked
     * against it); a brand's {@code alerting} overrides these.
     */
    interface Instant {
        /** A negative mention scored at or below this raises an alert at once. */
        Optional<Double> threshold();

        /** A negative mention naming a crisis term raises an alert already at or below this score. */
        Optional<Double> crisisThreshold();

        /** At or below this score the alert is HIGH severity, otherwise MEDIUM. */
        Optional<Double> highSeverityBelow();

        /** A star rating at or below this share of the best (1 of 5 = 0.2) makes a strong complaint HIGH. */
        Optional<Double> lowRatingShare();

        /** Crisis terms (lawsuit, food poisoning, fraud, ...). */
        Optional<List<String>> crisisTerms();
    }

    /** The rule that compares negative mentions in a sliding window with the brand's own baseline (defaults as above). */
    interface Spike {
        /** The sliding window. */
        Optional<Duration> window();

        /** How unlikely the window's count must be under the baseline (Poisson tail probability). */
        Optional<Double> maxPValue();

        /** Never a spike below this many negative mentions in the window. */
        Optional<Integer> minCount();

        /** No spike before the brand has this much history; its instant alerts work from the start. */
        Optional<Duration> warmup();

        /** Negative mentions a day assumed for a brand with little history yet. */
        Optional<Double> priorPerDay();

        /** How many days of history that assumption weighs. */
        Optional<Double> priorDays();

        /** The negative-share test needs at least this many mentions in the window. */
        Optional<Integer> shareMinMentions();

        /** The window's negative share must exceed the baseline share by this much. */
        Optional<Double> shareJump();
    }

    /** The rule that notices the average sentiment falling below the brand's usual (defaults as above). */
    interface Drift {
        /** Mentions over which the recent average halves its memory. */
        Optional<Double> fastHalfLife();

        /** Mentions over which the baseline average halves its memory. */
        Optional<Double> slowHalfLife();

        /** How far the recent average must fall below the baseline. */
        Optional<Double> drop();

        /** No drift alert before the brand has this many scored mentions. */
        Optional<Integer> minMentions();
    }

    /** How alerts fold into incidents. */
    interface Incidents {
        /** A new alert of the same brand and cause within this time of the last one joins its incident. */
        @WithDefault("6h")
        Duration foldWindow();

        /**
         * Incidents unchanged for this long (resolved, or open and stale) and seen-mention markers are forgotten
         * by the stores (not by the alerts topic).
         */
        @WithDefault("30d")
        Duration retention();

        /** How many of the worst mentions an incident carries. */
        @WithDefault("5")
        int worstMentions();

        /**
         * Characters of each mention's text an incident (and so each alert and email) carries; the full text
         * stays on {@code mentions-scored}. Bounds every record the service writes well below Kafka's 1 MB.
         */
        @WithDefault("1000")
        int excerptChars();

        /**
         * A revision that only folds more of the same into an incident (no new incident, no re-opening, no higher
         * severity, nothing told now) is not published at once: the newest state of each such incident goes to
         * {@code alerts} at most this often, so a storm of complaints is a few revisions, not one per complaint.
         */
        @WithDefault("100ms")
        Duration publishInterval();
    }

    /** Email, Slack, throttling, digest, escalation, retries. */
    interface Notify {
        /** Updates to an open incident are sent at most this often. */
        @WithDefault("15m")
        Duration updateInterval();

        /** A HIGH incident still unacknowledged after this escalates to the brand's escalation list. */
        @WithDefault("30m")
        Duration escalateAfter();

        /** Low-severity incidents are collected into one digest per brand this often. */
        @WithDefault("1h")
        Duration digestInterval();

        /** How often pending updates, escalations and failed sends are looked at. */
        @WithDefault("5s")
        Duration tick();

        /** First wait before retrying a failed send; doubles each time. */
        @WithDefault("2s")
        Duration retryInitial();

        /** Longest wait between two retries. */
        @WithDefault("5m")
        Duration retryMax();

        /** A send still failing after this is given up (counted as failed, logged). */
        @WithDefault("24h")
        Duration giveUpAfter();

        /** How long one SMTP or webhook send may take. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** The address people reach this service at, for acknowledge links (env EARSHOT_PUBLIC_URL). */
        @WithDefault("http://localhost:8083")
        String publicUrl();

        /**
         * The console's address (env EARSHOT_CONSOLE_URL), e.g. {@code http://localhost:8084}: when set, emails link to
         * the incident's page there and an acknowledge link, once used, lands on that page. Unset: no console links.
         */
        Optional<String> consoleUrl();

        /**
         * The secret alert-service derives its signing keys from (acknowledge links and staff commands, see
         * {@code AlertKeys}); env EARSHOT_ACK_SECRET. Random per start when unset; a placeholder or fewer than
         * 16 characters stops the start.
         */
        Optional<String> ackSecret();

        /** How long an acknowledge link works at most (it also stops once used, or once the incident re-opened). */
        @WithDefault("7d")
        Duration ackLinkTtl();
    }

    /**
     * The Kafka Streams engine that holds the windows and incidents. Its own settings are the extension's
     * ({@code quarkus.kafka-streams.*}, {@code kafka-streams.*}); these are what alert-service adds.
     */
    interface Streams {
        /**
         * Kafka Streams application id: consumer group and prefix of its changelog topics; the delivery worker's
         * group and marker topic start with it too ({@code quarkus.kafka-streams.application-id} is set from it).
         */
        @WithDefault("alert-service")
        String applicationId();

        /** Partitions of topics this service creates when they are missing. */
        @WithDefault("2")
        int partitions();

        /**
         * How long the group waits for a replica that stopped answering before its partitions move, for the
         * delivery worker's consumer (Kafka Streams' consumers get {@code kafka-streams.session.timeout.ms};
         * application.properties sets both from EARSHOT_ALERT_STREAMS_SESSION_TIMEOUT_MS).
         */
        @WithDefault("10s")
        Duration sessionTimeout();
    }
}
