package com.callbackcloser.core.service;

import com.callbackcloser.core.model.InvalidInputException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs we POST webhooks to. HTTPS only, and never to an address inside a network (loopback, private,
 * link-local such as the cloud metadata service at 169.254.169.254, carrier-grade NAT, unique-local IPv6): a
 * business must not be able to make us call our own infrastructure (SSRF). The host is checked when the
 * endpoint is registered and its addresses again before every delivery, since DNS can change in between.
 *
 * <p>{@code allowLoopback} (development and tests only) additionally allows http or https to localhost and
 * loopback addresses, for a receiver on the developer's machine.
 */
public final class EndpointUrlPolicy {
    public static final int MAX_URL_LENGTH = 2000;

    /** Resolves a host name; the JDK's resolver in production, a table in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopback;
    private final Resolver resolver;

    public EndpointUrlPolicy(boolean allowLoopback, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    public static EndpointUrlPolicy strict() {
        return new EndpointUrlPolicy(false, InetAddress::getAllByName);
    }

    /** The URL as it will be stored, or a 422 naming the field {@code url}. */
    public String validate(String url) {
        if (url == null || url.isBlank()) {
            throw refused("url is required");
        }
        String trimmed = url.strip();
        if (trimmed.length() > MAX_URL_LENGTH) {
            throw refused("url has at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw refused("url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !uri.isAbsolute() || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw refused("url is an absolute http(s) URL with a host, without user info or fragment");
        }
        boolean loopbackHost = allowLoopback && isLoopbackName(host);
        if (!scheme.equals("https") && !(scheme.equals("http") && loopbackHost)) {
            throw refused("url must use https");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw refused("url's host " + host + " does not resolve");
        }
        String problem = refusedAddress(addresses);
        if (problem != null) {
            throw refused("url's host " + problem);
        }
        return trimmed;
    }

    /**
     * Before each delivery: why the host may not be called now (its addresses), or null when it may.
     *
     * @throws UnknownHostException when it does not resolve (a network error, retried)
     */
    public String checkBeforeSend(URI uri) throws UnknownHostException {
        return refusedAddress(resolver.resolve(uri.getHost()));
    }

    private String refusedAddress(InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            if (isInternal(address) && !(allowLoopback && address.isLoopbackAddress())) {
                return "resolves to an internal address (" + address.getHostAddress() + ")";
            }
        }
        return null;
    }

    private static boolean isLoopbackName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]") || name.equals("::1");
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return false;
    }

    private static InvalidInputException refused(String message) {
        return new InvalidInputException("url", message);
    }
}
