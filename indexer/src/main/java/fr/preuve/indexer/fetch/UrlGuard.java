package fr.preuve.indexer.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Says whether a URL may be fetched under a {@link FetchPolicy}: http or https only, a host on the allow-list, no
 * user-info, and, against SSRF, no loopback, private, link-local or wildcard address unless the address itself is
 * allow-listed. Names are resolved through {@link Resolver} so tests need no DNS.
 */
public final class UrlGuard {

    /** Resolves a host name to its addresses. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;

        static Resolver system() {
            return InetAddress::getAllByName;
        }
    }

    private final FetchPolicy policy;
    private final Resolver resolver;

    public UrlGuard(FetchPolicy policy, Resolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /** Null when {@code uri} may be fetched, else the reason it may not. */
    public String refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "only http and https URLs are fetched, not '" + (scheme.isEmpty() ? uri : scheme + ":") + "'";
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return "URL has no host: " + uri;
        }
        if (uri.getRawUserInfo() != null) {
            return "URL with user-info is refused: " + uri.getHost();
        }
        host = host.toLowerCase(Locale.ROOT);
        if (!policy.allows(host)) {
            return "host " + host + " is not in this source's allowed hosts " + policy.allowedHosts();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return "unknown host " + host;
        }
        for (InetAddress a : addresses) {
            if (internal(a) && !policy.allows(a.getHostAddress()) && !policy.allows(bracketed(a))) {
                return "host " + host + " resolves to the internal address " + a.getHostAddress()
                        + " (allow-list the address itself to fetch from it)";
            }
        }
        return null;
    }

    private static boolean internal(InetAddress a) {
        return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress() || isUniqueLocalV6(a) || isReservedV4(a);
    }

    /** 0.0.0.0/8 ("this network") and 100.64.0.0/10 (carrier-grade NAT, often a provider's internal network). */
    private static boolean isReservedV4(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 4 && (b[0] == 0 || b[0] == 100 && (b[1] & 0xC0) == 64);
    }

    private static boolean isUniqueLocalV6(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xFE) == 0xFC;
    }

    private static String bracketed(InetAddress a) {
        return "[" + a.getHostAddress() + "]";
    }
}
