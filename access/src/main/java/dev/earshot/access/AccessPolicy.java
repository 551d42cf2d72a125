package dev.earshot.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides one request: health and the listed open paths for anyone; reads for the read or the API token; changes for
 * the API token only. Plain Java, so every rule is unit-tested without a server.
 */
public final class AccessPolicy {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String HEALTH = "/q/health";

    private final Optional<byte[]> apiToken;
    private final Optional<byte[]> readToken;
    private final List<String> openPaths;
    private final List<String> queryPaths;
    private final boolean loopbackReads;

    public AccessPolicy(Optional<String> apiToken, Optional<String> readToken, List<String> openPaths,
            boolean loopbackReads) {
        this(apiToken, readToken, openPaths, List.of(), loopbackReads);
    }

    /** @param queryPaths path prefixes whose POSTs only compute an answer (scoring a text), so reads may call them */
    public AccessPolicy(Optional<String> apiToken, Optional<String> readToken, List<String> openPaths,
            List<String> queryPaths, boolean loopbackReads) {
        this.apiToken = usable("EARSHOT_API_TOKEN", apiToken);
        this.readToken = usable("EARSHOT_READ_TOKEN", readToken);
        this.openPaths = List.copyOf(openPaths);
        this.queryPaths = List.copyOf(queryPaths);
        this.loopbackReads = loopbackReads;
    }

    /** What happened to a request; {@link #ALLOWED} or the reason it was refused (also the metric's tag). */
    public enum Decision {
        ALLOWED(200, null),
        NO_TOKEN(401, "this endpoint needs 'Authorization: Bearer <token>' (EARSHOT_READ_TOKEN for reads,"
                + " EARSHOT_API_TOKEN for changes)"),
        WRONG_TOKEN(401, "wrong token"),
        READ_ONLY_TOKEN(403, "the read token cannot change anything: use EARSHOT_API_TOKEN"),
        CHANGES_DISABLED(403, "changes are disabled: set EARSHOT_API_TOKEN to enable them"),
        READS_DISABLED(403, "reads are disabled: set EARSHOT_READ_TOKEN (or EARSHOT_API_TOKEN) to enable them");

        public final int status;
        public final String message;

        Decision(int status, String message) {
            this.status = status;
            this.message = message;
        }

        public String tag() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    public Decision decide(String method, String path, String authorization, boolean fromLoopback) {
        if (isOpen(path)) {
            return Decision.ALLOWED;
        }
        boolean read = READS.contains(method) || ("POST".equals(method) && startsWithAny(path, queryPaths));
        if (read && loopbackReads && fromLoopback) {
            return Decision.ALLOWED;
        }
        if (!read && apiToken.isEmpty()) {
            return Decision.CHANGES_DISABLED;
        }
        if (read && apiToken.isEmpty() && readToken.isEmpty()) {
            return Decision.READS_DISABLED;
        }
        byte[] given = bearer(authorization);
        if (given == null) {
            return Decision.NO_TOKEN;
        }
        if (matches(apiToken, given)) {
            return Decision.ALLOWED;
        }
        if (matches(readToken, given)) {
            return read ? Decision.ALLOWED : Decision.READ_ONLY_TOKEN;
        }
        return Decision.WRONG_TOKEN;
    }

    private boolean isOpen(String path) {
        if (path == null) {
            return false;
        }
        if (path.equals(HEALTH) || path.startsWith(HEALTH + "/")) {
            return true;
        }
        return startsWithAny(path, openPaths);
    }

    private static boolean startsWithAny(String path, List<String> prefixes) {
        if (path == null) {
            return false;
        }
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    }

    // Constant time: a token is not guessable byte by byte from response times.
    private static boolean matches(Optional<byte[]> expected, byte[] given) {
        return expected.isPresent() && MessageDigest.isEqual(expected.get(), given);
    }

    private static Optional<byte[]> usable(String envName, Optional<String> configured) {
        return configured.filter(t -> !t.isBlank())
                .map(t -> Secrets.requireUsable(envName, t).getBytes(StandardCharsets.UTF_8));
    }
}
