package dev.earshot.console.login;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Rebuilds the identity of a logged-in user from the form login's session cookie on each request, with the roles
 * configuration gives now: a user removed from the configuration is logged out at their next request.
 */
@ApplicationScoped
public class SessionUsers implements IdentityProvider<TrustedAuthenticationRequest> {

    private final ConfiguredUsers users;

    public SessionUsers(ConfiguredUsers users) {
        this.users = users;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext ctx) {
        SecurityIdentity id = users.identity(request.getPrincipal());
        return id == null ? Uni.createFrom().failure(new AuthenticationFailedException("no such user any more"))
                : Uni.createFrom().item(id);
    }
}
