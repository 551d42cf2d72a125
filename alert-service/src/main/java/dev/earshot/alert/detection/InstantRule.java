package dev.earshot.alert.detection;

import dev.earshot.events.Alert;
import dev.earshot.events.Label;
import dev.earshot.events.Rating;
import dev.earshot.events.ScoredMention;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Raises an alert for a single mention dangerous enough to need a person now: a strongly negative
 * complaint, or a negative one that names a crisis (food poisoning, fraud, lawsuit, ...). A low star
 * rating or a crisis term makes it HIGH. A mention the scorer could not read ({@code unknown}) never
 * raises one: no evidence is not bad news.
 */
public final class InstantRule {

    public static final String RULE = "negative-score-threshold";
    public static final String CRISIS_RULE = "crisis-term";

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    public Optional<Detection> evaluate(ScoredMention scored, DetectionSettings settings) {
        if (scored.label() != Label.NEGATIVE) {
            return Optional.empty();
        }
        String crisis = crisisTerm(scored, settings);
        boolean strong = scored.score() <= settings.instantThreshold();
        if (!strong && (crisis == null || scored.score() > settings.crisisThreshold())) {
            return Optional.empty();
        }
        boolean lowRating = lowRating(scored.mention().rating(), settings.lowRatingShare());
        boolean high = scored.score() <= settings.highSeverityBelow() || crisis != null
                || (lowRating && strong && scored.complaint());
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("score", scored.score());
        figures.put("threshold", crisis != null && !strong ? settings.crisisThreshold() : settings.instantThreshold());
        if (scored.mention().rating() != null) {
            figures.put("rating", scored.mention().rating().value());
            figures.put("ratingBest", scored.mention().rating().best());
        }
        String summary = crisis == null
                ? String.format(Locale.ROOT, "A mention scored %.2f, at or below the alert threshold %.2f.",
                        scored.score(), settings.instantThreshold())
                : String.format(Locale.ROOT, "A negative mention (score %.2f) names a crisis: \"%s\".", scored.score(),
                        crisis);
        return Optional.of(new Detection(Alert.Kind.INSTANT, high ? Alert.Severity.HIGH : Alert.Severity.MEDIUM,
                Detection.CAUSE_NEGATIVE, crisis == null ? RULE : CRISIS_RULE, summary, figures));
    }

    /** The first crisis term found in the title or text, whole words, case and accents ignored; else null. */
    static String crisisTerm(ScoredMention scored, DetectionSettings settings) {
        String text = normalize((scored.mention().title() == null ? "" : scored.mention().title()) + " "
                + scored.mention().text());
        for (String term : settings.crisisTerms()) {
            if (text.contains(" " + normalize(term).strip() + " ")) {
                return term;
            }
        }
        return null;
    }

    private static String normalize(String s) {
        String plain = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return " " + plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
    }

    private static boolean lowRating(Rating rating, double share) {
        return rating != null && rating.best() > 0 && rating.value() / rating.best() <= share;
    }
}
