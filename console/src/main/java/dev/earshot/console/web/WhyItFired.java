package dev.earshot.console.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Says in plain words why an incident fired, from its rule's figures (as alert-service's detectors name them). */
public final class WhyItFired {

    /** What each figure means, for the table beside the sentence. */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("count", "negative mentions in the window");
        NAMES.put("expected", "expected from the baseline");
        NAMES.put("timesUsual", "times the usual");
        NAMES.put("windowMinutes", "window (minutes)");
        NAMES.put("baselinePerHour", "usual negative mentions per hour");
        NAMES.put("baselineHours", "baseline (hours of history)");
        NAMES.put("zScore", "z-score");
        NAMES.put("pValue", "chance of this by luck (p-value)");
        NAMES.put("share", "negative share now");
        NAMES.put("baselineShare", "usual negative share");
        NAMES.put("score", "sentiment score (-1 .. 1)");
        NAMES.put("threshold", "alert threshold");
        NAMES.put("rating", "star rating");
        NAMES.put("ratingBest", "out of");
        NAMES.put("recentAverage", "recent average sentiment");
        NAMES.put("baselineAverage", "usual average sentiment");
        NAMES.put("drop", "drop");
    }

    private WhyItFired() {
    }

    /** One sentence; falls back to alert-service's own summary when the figures are not the expected ones. */
    public static String sentence(String kind, Map<String, Double> f, String summary) {
        if ("spike".equals(kind) && f.containsKey("count") && f.containsKey("expected") && f.containsKey("windowMinutes")) {
            return String.format("%s negative mentions in %s minutes, where about %s were expected from the brand's"
                    + " usual rate%s.", num(f.get("count")), num(f.get("windowMinutes")), num(f.get("expected")),
                    f.containsKey("timesUsual") ? " (" + num(f.get("timesUsual")) + " times the usual)" : "");
        }
        if ("instant".equals(kind) && f.containsKey("score") && f.containsKey("threshold")) {
            String rating = f.containsKey("rating") && f.containsKey("ratingBest")
                    ? ", rated " + num(f.get("rating")) + " of " + num(f.get("ratingBest")) : "";
            return String.format("One mention alone was bad enough: it scored %s%s, past the alert threshold of %s.",
                    num(f.get("score")), rating, num(f.get("threshold")));
        }
        if ("drift".equals(kind) && f.containsKey("recentAverage") && f.containsKey("baselineAverage")) {
            return String.format("Feeling about the brand slid: the recent average sentiment is %s against a usual %s.",
                    num(f.get("recentAverage")), num(f.get("baselineAverage")));
        }
        return summary;
    }

    /** The figures with names people read, in a fixed order; unknown ones under their own key. */
    public static Map<String, String> figures(Map<String, Double> f) {
        Map<String, String> out = new LinkedHashMap<>();
        NAMES.forEach((key, name) -> {
            if (f.containsKey(key)) {
                out.put(name, num(f.get(key)));
            }
        });
        f.forEach((key, v) -> {
            if (!NAMES.containsKey(key)) {
                out.put(key, num(v));
            }
        });
        return out;
    }

    static String num(Double d) {
        if (d == null) {
            return "?";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e12) {
            return Long.toString(d.longValue());
        }
        return Math.abs(d) < 0.001 ? String.format("%.2g", d) : String.format("%.2f", d);
    }
}
