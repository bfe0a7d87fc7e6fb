package dev.collide.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import okhttp3.Dns;

/**
 * Refuses hosts that resolve to addresses inside our own network, so that a link taken from a feed cannot make
 * Collide call its own admin ports or the cloud metadata service (SSRF). Every resolved address is checked: one
 * private address among public ones is enough to refuse, since the connection may pick it.
 */
final class AddressPolicy implements Dns {
    private final Dns delegate;
    private final Predicate<InetAddress> internal;

    AddressPolicy(Dns delegate, Predicate<InetAddress> internal) {
        this.delegate = delegate;
        this.internal = internal;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = delegate.lookup(hostname);
        for (InetAddress address : addresses) {
            if (internal.test(address)) {
                throw new RefusedAddressException(hostname, address);
            }
        }
        return addresses;
    }

    /**
     * True for loopback, private (RFC 1918, fc00::/7), link-local, multicast, unspecified, and the IPv4-mapped,
     * IPv4-compatible, NAT64 (64:ff9b::/96) and 6to4 (2002::/16) forms of such an IPv4 address.
     */
    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local addresses: Java's isSiteLocalAddress only knows the deprecated fec0::/10
            if ((raw[0] & 0xfe) == 0xfc) {
                return true;
            }
            // ::ffff:a.b.c.d and ::a.b.c.d carry an IPv4 address that must pass the same test
            boolean mapped = Arrays.equals(Arrays.copyOf(raw, 10), new byte[10])
                    && ((raw[10] == (byte) 0xff && raw[11] == (byte) 0xff) || (raw[10] == 0 && raw[11] == 0));
            if (mapped) {
                return isInternal(ipv4(raw, 12));
            }
            // RFC 6052 NAT64 64:ff9b::a.b.c.d and RFC 3056 6to4 2002:aabb:ccdd::/48 reach the IPv4 address inside
            boolean nat64 = Arrays.equals(Arrays.copyOf(raw, 12),
                    new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0});
            if (nat64) {
                return isInternal(ipv4(raw, 12));
            }
            if (raw[0] == 0x20 && raw[1] == 0x02) {
                return isInternal(ipv4(raw, 2));
            }
            return false;
        }
        int first = raw[0] & 0xff;
        int second = raw[1] & 0xff;
        // 100.64.0.0/10 carrier-grade NAT and 0.0.0.0/8 are not public either
        return first == 0 || (first == 100 && second >= 64 && second < 128);
    }

    private static InetAddress ipv4(byte[] raw, int from) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(raw, from, from + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always a valid IPv4 address", e);
        }
    }

    /** Thrown inside OkHttp's connect step; an {@link UnknownHostException} so OkHttp passes it up unchanged. */
    static final class RefusedAddressException extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        RefusedAddressException(String host, InetAddress address) {
            super("host " + host + " resolves to internal address " + address.getHostAddress()
                    + "; links from feed content may only point to public hosts");
        }
    }

    /** IP literals skip OkHttp's Dns, so the policy is applied to them here. */
    static Optional<String> refuseInternalLiteral(URI url, Predicate<InetAddress> internal) {
        String host = url.getHost();
        if (host == null) {
            return Optional.of("refused " + url + ": no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!bare.contains(":") && !bare.matches("[0-9.]+")) {
            return Optional.empty();
        }
        try {
            // a literal: getByName parses it without any lookup
            InetAddress address = InetAddress.getByName(bare);
            if (internal.test(address)) {
                return Optional.of("refused " + url + ": " + address.getHostAddress()
                        + " is an internal address; links from feed content may only point to public hosts");
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("refused " + url + ": invalid address " + bare);
        }
    }
}
