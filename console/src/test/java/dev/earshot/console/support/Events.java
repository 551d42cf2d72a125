package dev.earshot.console.support;

import dev.earshot.events.Alert;
import dev.earshot.events.BrandRef;
import dev.earshot.events.Contribution;
import dev.earshot.events.Intent;
import dev.earshot.events.Label;
import dev.earshot.events.Mention;
import dev.earshot.events.MonitorEvent;
import dev.earshot.events.Rating;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.SourceRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Realistic events as the services write them, for the tests. */
public final class Events {

    public static final BrandRef NORTHWIND = new BrandRef("northwind", "Northwind Coffee");

    private Events() {
    }

    public static ScoredMention scored(String id, String title, String text, String author, String url, double score,
            Instant at) {
        Mention m = new Mention(1, id, "9a8b7c6d5e4f3a2b", NORTHWIND,
                new SourceRef("demo-reviews-feed", "feed", "http://127.0.0.1:8090/feed.xml"), url, title, text, author,
                new Rating(1, 5), at.minusSeconds(60), at, List.of("northwind"));
        return new ScoredMention(1, m, score, score < -0.05 ? Label.NEGATIVE : Label.POSITIVE, score < -0.05,
                score < -0.05 ? Intent.COMPLAINT : Intent.PRAISE, List.of("waiting", "staff"),
                List.of(new Contribution("cold", "learned", -0.8)), "en", false, at.plusMillis(120), 0.9, null);
    }

    public static Alert alert(String incidentId, int revision, Alert.State state, String by, List<ScoredMention> mentions,
            Instant raised) {
        return new Alert(1, incidentId, revision, NORTHWIND, Alert.Kind.SPIKE, Alert.Severity.HIGH, state,
                new Alert.Reason("negative-spike", "12 negative mentions in 30 minutes against about 1.5 expected",
                        Map.of("count", 12.0, "expected", 1.5, "windowMinutes", 30.0, "timesUsual", 8.0)),
                mentions, raised, raised.plusSeconds(60L * revision), List.of(new Alert.AspectCount("waiting", 9)),
                new Alert.Reach(12, 312, 2916, 4860, "research figures"), by,
                by == null ? null : raised.plusSeconds(60L * revision), null);
    }

    public static MonitorEvent failing(String sourceId, Instant at) {
        return new MonitorEvent(1, sourceId, "https://citybites.example/feed.xml", MonitorEvent.Status.FAILING, 3,
                "HTTP 503", at.minusSeconds(3600), at);
    }
}
