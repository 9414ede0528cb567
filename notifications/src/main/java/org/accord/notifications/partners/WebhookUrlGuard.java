package org.accord.notifications.partners;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps partner webhooks from reaching into the platform's own network: only {@code https}, and only hosts whose
 * every address is globally reachable as the IANA special-purpose address registries say ({@link
 * SpecialPurposeAddresses}), including the IPv4 address an IPv6 one carries ({@link EmbeddedIpv4}). IPv4 literals are
 * read the way C resolvers read them ({@code 2130706433}, {@code 0x7f.0.0.1}, {@code 0177.0.0.1} are all 127.0.0.1).
 * Loopback itself (127.0.0.0/8, ::1) is allowed only when configured for a local demonstration.
 */
public class WebhookUrlGuard {

    /** Resolves a host name to all its addresses; replaceable so tests can stand in for DNS. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The URL may not be used, and why. */
    public static class RefusedUrlException extends RuntimeException {
        RefusedUrlException(String message) {
            super(message);
        }
    }

    /**
     * One answer for a name that does not resolve and one that resolves to an address refused, so that setting a
     * webhook cannot be used to learn which names the platform's own network knows.
     */
    static final String NAME_REFUSED = "must name a host that resolves to public addresses only";

    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}\\.?");

    private final boolean allowLoopback;
    private final Resolver resolver;
    private final SpecialPurposeAddresses registry;

    public WebhookUrlGuard(boolean allowLoopback) {
        this(allowLoopback, InetAddress::getAllByName);
    }

    public WebhookUrlGuard(boolean allowLoopback, Resolver resolver) {
        this(allowLoopback, resolver, SpecialPurposeAddresses.shipped());
    }

    WebhookUrlGuard(boolean allowLoopback, Resolver resolver, SpecialPurposeAddresses registry) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
        this.registry = registry;
    }

    /** The URL if a webhook may be sent there; otherwise a {@link RefusedUrlException} saying why. */
    public URI check(String url) {
        URI uri = checkShape(url);
        addressesAllowed(uri.getHost());
        return uri;
    }

    /** The URL if it is a plain {@code https} URL naming a host, without looking the host up. */
    public URI checkShape(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedUrlException("must be a valid URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new RefusedUrlException("must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedUrlException("must not carry user information");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new RefusedUrlException("must name a host");
        }
        return uri;
    }

    /**
     * Every address the host resolves to now, each one allowed; the caller connects only to these, so a name that
     * answers differently on a second lookup never gets the chance.
     */
    public List<InetAddress> addressesAllowed(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (NUMERIC_HOST.matcher(name).matches()) {
            InetAddress address = numericIpv4(name);
            checkAddress(address);
            return List.of(address);
        }
        if (name.contains(":")) {
            // An IPv6 literal is read, never looked up.
            InetAddress address = ipv6Literal(name);
            checkAddress(address);
            return List.of(address);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            throw new RefusedUrlException(NAME_REFUSED);
        }
        for (InetAddress address : addresses) {
            try {
                checkAddress(address);
            } catch (RefusedUrlException refused) {
                throw new RefusedUrlException(NAME_REFUSED);
            }
        }
        return List.of(addresses);
    }

    /** Checks an address about to be connected to, so a name that resolves differently at send time is caught too. */
    public void checkAddress(InetAddress address) {
        if (address.isLoopbackAddress() && allowLoopback) {
            return;
        }
        Optional<SpecialPurposeAddresses.Block> refusing = refusingBlock(address.getAddress());
        if (refusing.isPresent()) {
            throw new RefusedUrlException(address.isLoopbackAddress() ? "must not point to a loopback address"
                    : "must point to a public address, not one in " + refusing.get());
        }
    }

    /** The block that keeps webhooks from this address: its own, or that of an IPv4 address inside it. */
    private Optional<SpecialPurposeAddresses.Block> refusingBlock(byte[] address) {
        Optional<SpecialPurposeAddresses.Block> own = registry.mostSpecific(address);
        if (own.isPresent() && !own.get().reachable()) {
            return own;
        }
        for (byte[] ipv4 : EmbeddedIpv4.in(address)) {
            Optional<SpecialPurposeAddresses.Block> inner = registry.mostSpecific(ipv4);
            if (inner.isPresent() && !inner.get().reachable()) {
                return inner;
            }
        }
        return Optional.empty();
    }

    /** An IPv6 literal as written: an IPv4-mapped one stays IPv6, so it is judged as the registries list it. */
    private static InetAddress ipv6Literal(String name) {
        try {
            return Inet6Address.getByAddress(null, Cidr.literal(name), -1);
        } catch (IllegalArgumentException | UnknownHostException e) {
            throw new RefusedUrlException("must name a valid host");
        }
    }

    /** Reads 1 to 4 parts of decimal, {@code 0x} hexadecimal or {@code 0}-prefixed octal, as inet_aton does. */
    private static InetAddress numericIpv4(String host) {
        String[] parts = (host.endsWith(".") ? host.substring(0, host.length() - 1) : host).split("\\.");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parsePart(parts[i]);
        }
        long value = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                throw new RefusedUrlException("must name a valid host");
            }
            value |= values[i] << (8 * (3 - i));
        }
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * (4 - (parts.length - 1)))) {
            throw new RefusedUrlException("must name a valid host");
        }
        value |= last;
        byte[] bytes = { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value };
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("must name a valid host");
        }
    }

    private static long parsePart(String part) {
        try {
            if (part.startsWith("0x")) {
                return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new RefusedUrlException("must name a valid host");
        }
    }
}
