package org.accord.notifications.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps partner webhooks from reaching into the platform's own network: only {@code https}, and only hosts whose
 * every address is a public unicast one. IPv4 literals are read the way C resolvers read them ({@code 2130706433},
 * {@code 0x7f.0.0.1}, {@code 0177.0.0.1} are all 127.0.0.1), and IPv6 addresses that embed an IPv4 one are judged by
 * it. Loopback is allowed only when configured for a local demonstration.
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

    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}\\.?");

    private final boolean allowLoopback;
    private final Resolver resolver;

    public WebhookUrlGuard(boolean allowLoopback) {
        this(allowLoopback, InetAddress::getAllByName);
    }

    public WebhookUrlGuard(boolean allowLoopback, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
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
        List<InetAddress> addresses = addressesOf(host);
        for (InetAddress address : addresses) {
            checkAddress(address);
        }
        return addresses;
    }

    /** Checks an address about to be connected to, so a name that resolves differently at send time is caught too. */
    public void checkAddress(InetAddress address) {
        InetAddress judged = embeddedIpv4(address);
        if (judged.isLoopbackAddress()) {
            if (!allowLoopback) {
                throw new RefusedUrlException("must not point to a loopback address");
            }
            return;
        }
        if (judged.isAnyLocalAddress() || judged.isLinkLocalAddress() || judged.isSiteLocalAddress()
                || judged.isMulticastAddress() || isOtherNonPublic(judged.getAddress())) {
            throw new RefusedUrlException("must point to a public address");
        }
    }

    private List<InetAddress> addressesOf(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (NUMERIC_HOST.matcher(name).matches()) {
            return List.of(numericIpv4(name));
        }
        try {
            // An IPv6 literal is read, never looked up.
            return List.of(name.contains(":") ? new InetAddress[] { InetAddress.getByName(name) }
                    : resolver.resolve(name));
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("must name a host that resolves");
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

    /** IPv4-mapped, IPv4-compatible, 6to4 and NAT64 addresses are judged by the IPv4 address inside them. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != 16) {
            return address;
        }
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= bytes[i] == 0;
        }
        byte[] v4 = null;
        if (firstTenZero && ((bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) || (bytes[10] == 0 && bytes[11] == 0
                && !allZero(bytes, 12, 16) && !(allZero(bytes, 12, 15) && bytes[15] == 1)))) {
            v4 = new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] };
        } else if (bytes[0] == 0x20 && bytes[1] == 0x02) {
            v4 = new byte[] { bytes[2], bytes[3], bytes[4], bytes[5] };
        } else if (bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b
                && allZero(bytes, 4, 12)) {
            v4 = new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] };
        }
        if (v4 == null) {
            return address;
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Ranges Java does not classify: 0.0.0.0/8, shared 100.64.0.0/10, broadcast, and IPv6 unique-local fc00::/7. */
    private static boolean isOtherNonPublic(byte[] a) {
        if (a.length == 4) {
            int first = a[0] & 0xff;
            int second = a[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128)
                    || (first == 255 && (a[1] & a[2] & a[3] & 0xff) == 0xff);
        }
        return (a[0] & 0xfe) == 0xfc;
    }
}
