package com.callbackcloser.core.service;

import com.callbackcloser.core.model.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which URLs we POST webhooks to. HTTPS only, and only to public internet addresses ({@link PublicAddresses}): a
 * business must not be able to make us call our own infrastructure (SSRF), be it loopback, a private network, the
 * cloud metadata service at 169.254.169.254, or the same hidden in an IPv6 form. The host is checked when the
 * endpoint is registered and its addresses again before every delivery, since DNS can change in between.
 *
 * <p>A refusal names the host, never the addresses it resolved to, and reads the same whether the name resolves
 * inside a network or not at all: otherwise any owner could use the API to map our internal DNS. The operator's
 * log keeps the detail.
 *
 * <p>{@code allowLoopback} (development and tests only) additionally allows http or https to localhost and
 * loopback addresses, for a receiver on the developer's machine.
 */
public final class EndpointUrlPolicy {
    public static final int MAX_URL_LENGTH = 2000;
    private static final Logger LOG = LoggerFactory.getLogger("webhooks.outbound");

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
        String problem = lookUp(host).problem();
        if (problem != null) {
            LOG.info("event=webhooks.url_refused host={} detail=\"{}\"", host, problem);
            throw refused("url's host " + notReachable(host));
        }
        return trimmed;
    }

    /**
     * Before each delivery: empty when the host may be called now, else why not, in words the owner may see (the
     * host, not its addresses). A host that no longer resolves is refused like one that now resolves inside a
     * network; both are worth another try later, since DNS can change back.
     */
    public Optional<String> checkBeforeSend(URI uri) {
        String host = uri.getHost();
        String problem = lookUp(host).problem();
        if (problem == null) {
            return Optional.empty();
        }
        LOG.warn("event=webhooks.address_refused host={} detail=\"{}\"", host, problem);
        return Optional.of("not sent: " + notReachable(host));
    }

    /**
     * The addresses to connect to, from this one lookup, when every one may be called. The HTTP client connects
     * through this and not through a lookup of its own, so a name cannot answer one address to the check and
     * another to the connection.
     *
     * @throws AddressNotAllowedException when some address may not be called, or the name does not resolve
     */
    public InetAddress[] addressesToCall(String host) throws AddressNotAllowedException {
        Lookup lookup = lookUp(host);
        if (lookup.problem() != null) {
            LOG.warn("event=webhooks.address_refused host={} detail=\"{}\"", host, lookup.problem());
            throw new AddressNotAllowedException("not sent: " + notReachable(host));
        }
        return lookup.addresses().toArray(InetAddress[]::new);
    }

    /** A host we may not connect to; its message names the host only, and may be shown to the owner. */
    public static final class AddressNotAllowedException extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        AddressNotAllowedException(String message) {
            super(message);
        }
    }

    /** One resolution of a host: its addresses, and why they may not be called (null when they may). */
    private record Lookup(List<InetAddress> addresses, String problem) {}

    /** The problem, if any, is for the operator's log only: it names the addresses. */
    private Lookup lookUp(String host) {
        if (host == null) {
            return new Lookup(null, "no host");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return new Lookup(null, "does not resolve: " + e.getMessage());
        }
        if (addresses == null || addresses.length == 0) {
            return new Lookup(null, "resolves to no address");
        }
        for (InetAddress address : addresses) {
            if (!PublicAddresses.isPublic(address) && !(allowLoopback && address.isLoopbackAddress())) {
                return new Lookup(null, "resolves to " + address.getHostAddress() + ", not a public internet address");
            }
        }
        return new Lookup(List.of(addresses), null);
    }

    private static String notReachable(String host) {
        return host + " is not reachable as a public internet address";
    }

    private static boolean isLoopbackName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]") || name.equals("::1");
    }

    private static InvalidInputException refused(String message) {
        return new InvalidInputException("url", message);
    }
}
