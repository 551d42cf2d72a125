package dev.earshot.console.web;

import dev.earshot.console.login.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * What every page's frame needs: its title, who is logged in, whether they may act, and the notice of their last
 * action.
 */
public record Page(String title, String user, boolean canAct, Notice notice) {

    static Page of(SecurityIdentity identity, String title, String noticeCode) {
        boolean canAct = identity.hasRole(Roles.RESPONDER) || identity.hasRole(Roles.ADMIN);
        return new Page(title, identity.isAnonymous() ? "" : identity.getPrincipal().getName(), canAct,
                noticeCode == null ? null : Notice.parse(noticeCode));
    }
}
