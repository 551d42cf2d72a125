package dev.earshot.console.support;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The console's users in the tests, configured as an operator would: bcrypt hashes, never the passwords. */
public class TestUsers implements QuarkusTestResourceLifecycleManager {

    public static final String PASSWORD = "correct horse battery staple";

    @Override
    public Map<String, String> start() {
        String hash = BcryptUtil.bcryptHash(PASSWORD);
        return Map.of(
                "earshot.console.users.vera.password-hash", hash,
                "earshot.console.users.vera.roles", "viewer",
                "earshot.console.users.rosa.password-hash", hash,
                "earshot.console.users.rosa.roles", "responder",
                "earshot.console.users.adam.password-hash", hash,
                "earshot.console.users.adam.roles", "admin",
                "quarkus.http.auth.session.encryption-key", "console-tests-session-key-0123456789");
    }

    @Override
    public void stop() {
    }
}
