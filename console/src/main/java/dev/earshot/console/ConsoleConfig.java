package dev.earshot.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The console's settings. */
@ConfigMapping(prefix = "earshot.console")
public interface ConsoleConfig {

    /** alert-service's base URL: incident actions go there (env EARSHOT_ALERT_URL). */
    @WithDefault("http://localhost:8083")
    String alertUrl();

    /** The API token alert-service takes for changes (env EARSHOT_API_TOKEN). Unset = actions refused. */
    Optional<String> alertToken();

    /** sentiment-service's base URL: "this is wrong" corrections go to its /api/feedback (env EARSHOT_SENTIMENT_URL). */
    @WithDefault("http://localhost:8082")
    String sentimentUrl();

    /** ingest-service's base URL: source previews and changes go to its /api/sources (env EARSHOT_INGEST_URL). */
    @WithDefault("http://localhost:8081")
    String ingestUrl();

    /** Single sign-on (README, "Logging in"). */
    Oidc oidc();

    interface Oidc {
        /** OIDC login on (env EARSHOT_CONSOLE_OIDC); off, the console needs no OIDC server and uses the form login. */
        @WithDefault("false")
        boolean enabled();

        /** The values of the token's role claim that make a viewer. */
        @WithDefault("viewer")
        List<String> viewer();

        /** ... a responder. */
        @WithDefault("responder")
        List<String> responder();

        /** ... an admin. */
        @WithDefault("admin")
        List<String> admin();
    }

    /** Who may log in: user name to bcrypt hash and roles. */
    Map<String, User> users();

    interface User {
        /** bcrypt hash of the password ({@code $2a$} or {@code $2y$}), never the password. */
        String passwordHash();

        /** {@code viewer} (reads), {@code responder} (and acts on incidents), {@code admin} (and everything else). */
        List<String> roles();
    }
}
