package dev.earshot.console.login;

import dev.earshot.console.ConsoleConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Checks the form login against the users in configuration ({@code earshot.console.users.<name>.password-hash}, a
 * salted bcrypt hash, and {@code .roles}). The roles are the console's three: viewer, responder, admin.
 */
@Startup
@ApplicationScoped
public class ConfiguredUsers implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    public static final Set<String> ROLES = Set.of(Roles.VIEWER, Roles.RESPONDER, Roles.ADMIN);

    private final ConsoleConfig config;

    public ConfiguredUsers(ConsoleConfig config) {
        this.config = config;
        config.users().forEach((name, user) -> {
            if (!user.passwordHash().matches("\\$2[ay]\\$\\d\\d\\$.{53}")) {
                throw new IllegalStateException("earshot.console.users." + name
                        + ".password-hash is not a bcrypt hash ($2a$ or $2y$)");
            }
            user.roles().stream().filter(r -> !ROLES.contains(r)).findFirst().ifPresent(r -> {
                throw new IllegalStateException("earshot.console.users." + name + ".roles: unknown role " + r
                        + " (viewer, responder, admin)");
            });
        });
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        // bcrypt is slow on purpose: off the event loop.
        return context.runBlocking(() -> {
            ConsoleConfig.User user = config.users().get(request.getUsername());
            String given = new String(request.getPassword().getPassword());
            if (user == null || !BcryptUtil.matches(given, user.passwordHash())) {
                throw new AuthenticationFailedException("wrong user name or password");
            }
            return identity(request.getUsername(), user);
        });
    }

    /** The identity of a configured user; null when the configuration no longer has them. */
    SecurityIdentity identity(String name) {
        ConsoleConfig.User user = config.users().get(name);
        return user == null ? null : identity(name, user);
    }

    private static SecurityIdentity identity(String name, ConsoleConfig.User user) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name))
                .addRoles(Set.copyOf(user.roles())).build();
    }
}
