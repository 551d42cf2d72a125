package dev.earshot.ingest.extract;

import dev.earshot.events.Rating;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a star rating the ways pages write it: "2", "2/5", "2 out of 5", "★★☆☆☆", "4,5 / 10". */
public final class Ratings {

    private static final Pattern OUT_OF = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(?:/|of|out of|von|sur)\\s*(\\d+(?:[.,]\\d+)?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:[.,]\\d+)?)");

    private Ratings() {
    }

    /** The rating, or null when the text holds none or it is outside its scale. */
    public static Rating parse(String text, Double defaultBest) {
        if (text == null || text.isBlank()) {
            return null;
        }
        double best = defaultBest == null ? 5 : defaultBest;
        Matcher outOf = OUT_OF.matcher(text);
        Double value = null;
        if (outOf.find()) {
            value = number(outOf.group(1));
            best = number(outOf.group(2));
        } else {
            long filled = text.chars().filter(c -> c == '★').count();
            long empty = text.chars().filter(c -> c == '☆').count();
            if (filled + empty > 0) {
                value = (double) filled;
                best = filled + empty;
            } else {
                Matcher n = NUMBER.matcher(text);
                if (n.find()) {
                    value = number(n.group(1));
                }
            }
        }
        return of(value, best);
    }

    /** A rating from separate figures, or null when they make no sense. */
    public static Rating of(Double value, Double best) {
        double b = best == null ? 5 : best;
        if (value == null || b <= 0 || value < 0 || value > b) {
            return null;
        }
        return new Rating(value, b);
    }

    static Double number(String s) {
        try {
            return s == null ? null : Double.valueOf(s.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
