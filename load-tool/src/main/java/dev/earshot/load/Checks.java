package dev.earshot.load;

import java.util.Locale;

/** The PASS/FAIL lines of a run, each with its figures, and how many failed. */
final class Checks {

    private int failures;

    /** Prints the line and returns {@code ok}, so a caller can chain on it. */
    boolean check(boolean ok, String format, Object... args) {
        System.out.printf("   %s %s%n", ok ? "PASS" : "FAIL", String.format(Locale.ROOT, format, args));
        if (!ok) {
            failures++;
        }
        return ok;
    }

    int failures() {
        return failures;
    }
}
