package dev.earshot.training;

import java.util.regex.Pattern;

/**
 * Strips what a model could learn as a shortcut instead of the wording: CFPB's {@code XXXX}
 * scrubbing masks (also in dates, {@code XX/XX/2019}) and its {@code {$100.00}} amounts. Applied to
 * every training and dev text, so no source is recognisable by them.
 */
final class Masks {

    private static final Pattern AMOUNT = Pattern.compile("\\{\\$[^}]*\\}");
    private static final Pattern MASK = Pattern.compile("\\b[X/\\-]*XX[X/\\-0-9]*\\b");
    private static final Pattern SPACES = Pattern.compile("[ ]{2,}");

    private Masks() {
    }

    static String strip(String text) {
        if (text.indexOf("XX") < 0 && text.indexOf("{$") < 0) {
            return text;
        }
        String t = AMOUNT.matcher(text).replaceAll(" ");
        t = MASK.matcher(t).replaceAll(" ");
        return SPACES.matcher(t).replaceAll(" ").trim();
    }
}
