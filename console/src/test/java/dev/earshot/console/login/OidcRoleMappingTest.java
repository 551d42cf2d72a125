package dev.earshot.console.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.earshot.console.ConsoleConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** An OIDC user gets the console roles their provider's groups map to, and nothing for a group the map does not name. */
class OidcRoleMappingTest {

    static ConsoleConfig.Oidc map(boolean enabled) {
        return new ConsoleConfig.Oidc() {
            public boolean enabled() {
                return enabled;
            }

            public List<String> viewer() {
                return List.of("pr-team", "care-team");
            }

            public List<String> responder() {
                return List.of("pr-oncall");
            }

            public List<String> admin() {
                return List.of("earshot-admins");
            }
        };
    }

    static OidcRoleMapping mapping(boolean enabled) {
        ConsoleConfig.Oidc oidc = map(enabled);
        return new OidcRoleMapping((ConsoleConfig) java.lang.reflect.Proxy.newProxyInstance(
                ConsoleConfig.class.getClassLoader(), new Class<?>[] {ConsoleConfig.class},
                (proxy, method, args) -> method.getName().equals("oidc") ? oidc : null));
    }

    static SecurityIdentity oidcUser(String name, String... groups) {
        JsonWebToken token = (JsonWebToken) java.lang.reflect.Proxy.newProxyInstance(
                JsonWebToken.class.getClassLoader(), new Class<?>[] {JsonWebToken.class},
                (proxy, method, args) -> method.getName().equals("getName") ? name : null);
        return QuarkusSecurityIdentity.builder().setPrincipal(token).addRoles(Set.of(groups)).build();
    }

    @Test
    void groupsMapToTheConsoleRolesAndAnUnnamedGroupGrantsNothing() {
        assertEquals(Set.of(Roles.VIEWER), mapping(true).mapped(oidcUser("pat", "care-team", "finance")).getRoles());
        assertEquals(Set.of(Roles.VIEWER, Roles.RESPONDER),
                mapping(true).mapped(oidcUser("rio", "pr-team", "pr-oncall")).getRoles());
        assertEquals(Set.of(Roles.ADMIN), mapping(true).mapped(oidcUser("ada", "earshot-admins")).getRoles());
        SecurityIdentity stranger = mapping(true).mapped(oidcUser("sam", "admin", "responder", "finance"));
        assertEquals(Set.of(), stranger.getRoles(), "the provider's own 'admin' is not the console's unless mapped");
        assertEquals("sam", stranger.getPrincipal().getName());
    }

    @Test
    void theDefaultMapTakesTheConsolesRoleNamesAsTheyAre() {
        ConsoleConfig.Oidc defaults = new ConsoleConfig.Oidc() {
            public boolean enabled() {
                return true;
            }

            public List<String> viewer() {
                return List.of("viewer");
            }

            public List<String> responder() {
                return List.of("responder");
            }

            public List<String> admin() {
                return List.of("admin");
            }
        };
        assertEquals(Set.of(Roles.RESPONDER), OidcRoleMapping.consoleRoles(Set.of("responder", "other"), defaults));
    }

    @Test
    void formLoginUsersAndADisabledOidcAreLeftAlone() {
        SecurityIdentity formUser = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("rosa"))
                .addRole(Roles.RESPONDER).build();
        assertSame(formUser, mapping(true).mapped(formUser));
        SecurityIdentity token = oidcUser("ada", "earshot-admins");
        assertSame(token, mapping(false).mapped(token));
    }
}
