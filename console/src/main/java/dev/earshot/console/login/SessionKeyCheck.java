package dev.earshot.console.login;

import dev.earshot.access.Secrets;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start with a session key everyone knows (a shipped placeholder, or shorter than {@link Secrets#MIN_LENGTH}):
 * whoever holds the key can forge a login cookie for any user. Unset is allowed: Quarkus then makes a random key per
 * start, which logs everyone out at a restart but exposes nothing.
 */
@Startup
@ApplicationScoped
public class SessionKeyCheck {

    static final String ENV = "EARSHOT_CONSOLE_SESSION_KEY";

    SessionKeyCheck(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> key) {
        check(key);
    }

    static void check(Optional<String> key) {
        key.filter(k -> !k.isBlank()).ifPresent(k -> Secrets.requireUsable(ENV, k));
    }
}
