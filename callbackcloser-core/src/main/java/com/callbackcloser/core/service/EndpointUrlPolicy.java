package com.callbackcloser.core.service;

import com.callbackcloser.core.model.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
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
        String problem = problemWith(host);
        if (problem != null) {
            LOG.info("event=webhooks.url_refused host={} detail=\"{}\"", host, problem);
            throw refused("url's host " + host + " is not reachable as a public internet address");
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
        String problem = problemWith(host);
        if (problem == null) {
            return Optional.empty();
        }
        LOG.warn("event=webhooks.address_refused host={} detail=\"{}\"", host, problem);
        return Optional.of("not sent: " + host + " is not reachable as a public internet address");
    }

    /** Null when every address of the host may be called; else the detail, for the operator's log only. */
    private String problemWith(String host) {
        if (host == null) {
            return "no host";
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return "does not resolve: " + e.getMessage();
        }
        if (addresses == null || addresses.length == 0) {
            return "resolves to no address";
        }
        for (InetAddress address : addresses) {
            if (!PublicAddresses.isPublic(address) && !(allowLoopback && address.isLoopbackAddress())) {
                return "resolves to " + address.getHostAddress() + ", not a public internet address";
            }
        }
        return null;
    }

    private static boolean isLoopbackName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]") || name.equals("::1");
    }

    private static InvalidInputException refused(String message) {
        return new InvalidInputException("url", message);
    }
}
