package dev.earshot.access;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses secrets that are known to everyone: the placeholders the deploy files ship, and values too short to guess
 * slowly. A service that starts with one would expose a known key, so it does not start.
 */
public final class Secrets {

    public static final int MIN_LENGTH = 16;

    /** Values shipped in deploy files and examples, now or in a past release. */
    public static final Set<String> KNOWN_PLACEHOLDERS = Set.of(
            "change-me-to-a-long-random-token", "change-me-to-another-long-random-secret", "change-me",
            "changeme", "replace_me", "replace-me", "secret", "password", "admin");

    /** Prefixes that mark a value as "put the real one here". */
    private static final List<String> PLACEHOLDER_PREFIXES = List.of("replace_me", "replace-me", "change-me", "changeme");

    private Secrets() {
    }

    /**
     * @return the value, stripped
     * @throws IllegalStateException naming the variable (never the value) when it is a placeholder or too short
     */
    public static String requireUsable(String envName, String value) {
        String v = value == null ? "" : value.strip();
        if (isPlaceholder(v)) {
            throw new IllegalStateException(envName + " is a placeholder from the deploy files: generate a secret"
                    + " (for example `openssl rand -hex 32`) and supply it; see docs/security.md");
        }
        if (v.length() < MIN_LENGTH) {
            throw new IllegalStateException(envName + " is shorter than " + MIN_LENGTH + " characters: generate a"
                    + " longer one (for example `openssl rand -hex 32`); see docs/security.md");
        }
        return v;
    }

    public static boolean isPlaceholder(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return KNOWN_PLACEHOLDERS.contains(v) || PLACEHOLDER_PREFIXES.stream().anyMatch(v::startsWith);
    }
}
