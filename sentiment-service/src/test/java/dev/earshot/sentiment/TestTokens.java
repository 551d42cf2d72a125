package dev.earshot.sentiment;

/** The tokens the %test profile sets (application.properties), for tests that call guarded routes. */
public final class TestTokens {

    public static final String READ = "test-read-token-0123456789";
    public static final String API = "test-api-token-0123456789";

    private TestTokens() {
    }
}
