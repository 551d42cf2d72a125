package dev.earshot.console.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.earshot.console.ConsoleConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfiguredUsersTest {

    @Test
    void aPasswordInsteadOfAHashStopsTheStartNamingTheSetting() {
        var e = assertThrows(IllegalStateException.class, () -> new ConfiguredUsers(config("alice", "hunter2", "viewer")));
        assertEquals("earshot.console.users.alice.password-hash is not a bcrypt hash ($2a$ or $2y$)", e.getMessage());
    }

    @Test
    void aHashElytronCannotReadIsRefusedAtStartNotAtLogin() {
        String b = "$2b" + BcryptUtil.bcryptHash("pw").substring(3);
        assertThrows(IllegalStateException.class, () -> new ConfiguredUsers(config("alice", b, "viewer")));
    }

    @Test
    void anUnknownRoleStopsTheStart() {
        var e = assertThrows(IllegalStateException.class,
                () -> new ConfiguredUsers(config("alice", BcryptUtil.bcryptHash("pw"), "superuser")));
        assertEquals("earshot.console.users.alice.roles: unknown role superuser (viewer, responder, admin)",
                e.getMessage());
    }

    private static ConsoleConfig config(String name, String hash, String role) {
        ConsoleConfig.User user = new ConsoleConfig.User() {
            public String passwordHash() {
                return hash;
            }

            public List<String> roles() {
                return List.of(role);
            }
        };
        return new ConsoleConfig() {
            public String alertUrl() {
                return "http://localhost:8083";
            }

            public Optional<String> alertToken() {
                return Optional.empty();
            }

            public String sentimentUrl() {
                return "http://localhost:8082";
            }

            public String ingestUrl() {
                return "http://localhost:8081";
            }

            public Oidc oidc() {
                return null;
            }

            public Map<String, User> users() {
                return Map.of(name, user);
            }
        };
    }
}
