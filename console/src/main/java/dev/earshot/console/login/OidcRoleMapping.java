package dev.earshot.console.login;

import dev.earshot.console.ConsoleConfig;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives a user who logged in with OIDC the console's roles their identity provider's role claim maps to
 * ({@code earshot.console.oidc.viewer|responder|admin}), and no other: a group the mapping does not name grants
 * nothing. The form login's users keep the roles configuration gives them.
 */
@ApplicationScoped
public class OidcRoleMapping implements SecurityIdentityAugmentor {

    private final ConsoleConfig.Oidc oidc;

    public OidcRoleMapping(ConsoleConfig config) {
        this.oidc = config.oidc();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(mapped(identity));
    }

    SecurityIdentity mapped(SecurityIdentity identity) {
        if (!oidc.enabled() || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken)) {
            return identity;
        }
        return QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials()).addAttributes(identity.getAttributes())
                .addRoles(consoleRoles(identity.getRoles(), oidc)).setAnonymous(false).build();
    }

    /** The console roles the claimed values map to. */
    static Set<String> consoleRoles(Set<String> claimed, ConsoleConfig.Oidc map) {
        Set<String> roles = new LinkedHashSet<>();
        add(roles, claimed, map.viewer(), Roles.VIEWER);
        add(roles, claimed, map.responder(), Roles.RESPONDER);
        add(roles, claimed, map.admin(), Roles.ADMIN);
        return roles;
    }

    private static void add(Set<String> roles, Set<String> claimed, List<String> values, String role) {
        if (values.stream().map(String::strip).anyMatch(claimed::contains)) {
            roles.add(role);
        }
    }
}
