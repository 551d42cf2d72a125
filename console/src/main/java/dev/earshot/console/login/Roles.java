package dev.earshot.console.login;

/** The console's roles; every page lists the roles it admits, so an admin needs no other role. */
public final class Roles {
    /** Reads every page. */
    public static final String VIEWER = "viewer";
    /** Also acknowledges, resolves and snoozes incidents. */
    public static final String RESPONDER = "responder";
    /** Also changes brands and sources (later pages). */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
