package dev.earshot.ingest.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps sources from reaching the operator's own network (SSRF): loopback, private, link-local
 * (cloud metadata at 169.254.169.254), carrier-grade NAT, unique-local IPv6 and multicast addresses
 * are refused unless the operator allows private networks — also when they hide in an IPv6 address
 * that carries an IPv4 one (IPv4-mapped, IPv4-compatible, NAT64, 6to4). The fetcher connects only to
 * the addresses {@link #addresses} returned, so a DNS answer that changes between the check and the
 * connection (DNS rebinding) reaches nothing that was not checked. Look-ups are bounded in time.
 */
public final class NetworkGuard {

    /** Looks a host name up; the system's resolver unless a test gives another. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final ExecutorService LOOKUPS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "earshot-dns");
        t.setDaemon(true); // a look-up the OS resolver never ends must not keep the JVM alive
        return t;
    });

    private final boolean allowPrivate;
    private final Resolver resolver;
    private final Duration lookupTimeout;
    /** Internal addresses let through all the same: a test's fixture server, never set by the service. */
    private final Set<InetAddress> excepted;

    /**
     * @param lookupTimeout the longest a look-up made by {@link #refusal} (the API's check) may take; a fetch bounds
     *                      its own by what is left of its total timeout
     */
    public NetworkGuard(boolean allowPrivate, Resolver resolver, Duration lookupTimeout) {
        this(allowPrivate, resolver, lookupTimeout, Set.of());
    }

    private NetworkGuard(boolean allowPrivate, Resolver resolver, Duration lookupTimeout, Set<InetAddress> excepted) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
        this.lookupTimeout = lookupTimeout;
        this.excepted = excepted;
    }

    /**
     * This guard, letting one internal address through (a test's fixture server on 127.0.0.1) while every other
     * stays refused, so a test can show that a redirect to another internal address is refused.
     */
    public NetworkGuard except(InetAddress address) {
        Set<InetAddress> more = new HashSet<>(excepted);
        more.add(address);
        return new NetworkGuard(allowPrivate, resolver, lookupTimeout, Set.copyOf(more));
    }

    /** With the system's resolver. */
    public NetworkGuard(boolean allowPrivate, Duration lookupTimeout) {
        this(allowPrivate, InetAddress::getAllByName, lookupTimeout);
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /** Why Earshot will not fetch this URL, or empty when it may (for the API: resolves the host now). */
    public Optional<String> refusal(URI uri) {
        Optional<String> shape = shapeRefusal(uri);
        if (shape.isPresent()) {
            return shape;
        }
        try {
            addresses(uri.getHost(), System.nanoTime() + lookupTimeout.toNanos());
            return Optional.empty();
        } catch (FetchException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Why this URL cannot be fetched whatever its host resolves to (scheme, no host), or empty. */
    public Optional<String> shapeRefusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs can be polled, not '" + uri + "'");
        }
        if (uri.getHost() == null) {
            return Optional.of("'" + uri + "' has no host");
        }
        return Optional.empty();
    }

    /**
     * The addresses of {@code host}, every one checked: the only addresses a fetch may connect to.
     *
     * @param deadline {@link System#nanoTime()} by which the look-up must have answered
     * @throws FetchException {@code blocked} when one of them is internal, {@code network} when the host does not
     *                        resolve, {@code timeout} when the look-up takes past the deadline
     */
    public InetAddress[] addresses(String host, long deadline) throws FetchException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = lookUp(name, deadline);
        if (!allowPrivate) {
            for (InetAddress a : addresses) {
                if (isInternal(a) && !excepted.contains(a)) {
                    throw new FetchException(FetchException.Kind.blocked, "host '" + host + "' resolves to "
                            + a.getHostAddress() + ", a loopback, private or link-local address; set "
                            + "EARSHOT_ALLOW_PRIVATE_NETWORKS=true to allow it");
                }
            }
        }
        return addresses;
    }

    private InetAddress[] lookUp(String host, long deadline) throws FetchException {
        CompletableFuture<InetAddress[]> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return resolver.resolve(host);
            } catch (UnknownHostException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, LOOKUPS);
        try {
            InetAddress[] found = lookup.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (found == null || found.length == 0) {
                throw new FetchException(FetchException.Kind.network, "host '" + host + "' does not resolve");
            }
            return found;
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new FetchException(FetchException.Kind.timeout, "looking up host '" + host + "' took too long", null, e);
        } catch (ExecutionException e) {
            throw new FetchException(FetchException.Kind.network, "host '" + host + "' does not resolve", null, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lookup.cancel(true);
            throw new FetchException(FetchException.Kind.network, "interrupted looking up host '" + host + "'");
        }
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240;
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return true; // unique local fc00::/7
        }
        // IPv6 addresses that carry an IPv4 one reach that IPv4 host (through the OS, a NAT64 or a 6to4 relay).
        if (zero(b, 0, 10) && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || zero(b, 10, 12))) {
            return v4Internal(b, 12); // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible)
        }
        if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            if (zero(b, 4, 12)) {
                return v4Internal(b, 12); // NAT64 well-known prefix 64:ff9b::/96
            }
            if (b[4] == 0 && b[5] == 1) {
                // Local-use NAT64 64:ff9b:1::/48: the operator picks the prefix length, so every place RFC 6052
                // allows for the IPv4 address inside it is checked.
                return v4Internal(new byte[] {b[6], b[7], b[9], b[10]}, 0) // /48
                        || v4Internal(new byte[] {b[7], b[9], b[10], b[11]}, 0) // /56
                        || v4Internal(b, 9) // /64
                        || v4Internal(b, 12); // /96
            }
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return v4Internal(b, 2); // 6to4 2002::/16
        }
        return false;
    }

    private static boolean v4Internal(byte[] b, int from) {
        try {
            return isInternal(InetAddress.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]}));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
