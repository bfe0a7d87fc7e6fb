package dev.collide.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The hosts that bypass the proxy, as curl and Go read {@code NO_PROXY}: a comma- or space-separated list of
 * {@code *} (every host), domain names ({@code example.com}, {@code .example.com} and {@code *.example.com} all mean
 * the domain and its subdomains), IP literals, CIDR blocks ({@code 10.0.0.0/8}, matched against IP-literal hosts
 * only: nothing is resolved to decide), each optionally with {@code :port}. Matching ignores case.
 */
public record NoProxy(List<Entry> entries) {
    public static final NoProxy NONE = new NoProxy(List.of());
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");

    /** {@code suffix} is a lower-case host name or IP; {@code prefixBits} is set for a CIDR block. */
    public record Entry(String suffix, OptionalInt prefixBits, OptionalInt port, boolean everything) {}

    public NoProxy {
        entries = List.copyOf(entries);
    }

    /** Throws {@link IllegalArgumentException} naming the entry that cannot be read. */
    public static NoProxy parse(String list) {
        List<Entry> entries = new ArrayList<>();
        for (String raw : list.split("[,\\s]+")) {
            String item = raw.strip().toLowerCase(Locale.ROOT);
            if (item.isEmpty()) {
                continue;
            }
            if (item.equals("*")) {
                entries.add(new Entry("", OptionalInt.empty(), OptionalInt.empty(), true));
                continue;
            }
            OptionalInt port = OptionalInt.empty();
            int colon = item.lastIndexOf(':');
            boolean bareIpv6 = item.indexOf(':') != colon && !item.startsWith("[");
            if (colon > 0 && !bareIpv6) {
                String digits = item.substring(colon + 1);
                if (!digits.matches("[0-9]{1,5}") || Integer.parseInt(digits) > 65535) {
                    throw new IllegalArgumentException("no-proxy entry '" + raw + "' has port '" + digits
                            + "'; write host, host:port, .domain or 10.0.0.0/8");
                }
                port = OptionalInt.of(Integer.parseInt(digits));
                item = item.substring(0, colon);
            }
            if (item.startsWith("[") && item.endsWith("]")) {
                item = item.substring(1, item.length() - 1);
            }
            OptionalInt bits = OptionalInt.empty();
            int slash = item.indexOf('/');
            if (slash >= 0) {
                String prefix = item.substring(slash + 1);
                item = item.substring(0, slash);
                int max = item.contains(":") ? 128 : 32;
                if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > max || !isIpLiteral(item)) {
                    throw new IllegalArgumentException("no-proxy entry '" + raw + "' is not a CIDR block; write e.g."
                            + " 10.0.0.0/8");
                }
                bits = OptionalInt.of(Integer.parseInt(prefix));
            }
            item = item.startsWith("*.") ? item.substring(2) : item.startsWith(".") ? item.substring(1) : item;
            if (item.endsWith(".")) {
                item = item.substring(0, item.length() - 1);
            }
            if (!isIpLiteral(item) && !NAME.matcher(item).matches()) {
                throw new IllegalArgumentException("no-proxy entry '" + raw + "' is not a host name, IP or CIDR"
                        + " block; write host, host:port, .domain or 10.0.0.0/8");
            }
            entries.add(new Entry(item, bits, port, false));
        }
        return new NoProxy(entries);
    }

    /** {@code host} as in a URL (brackets around IPv6 allowed), {@code port} the effective port. */
    public boolean matches(String host, int port) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        for (Entry entry : entries) {
            if (entry.everything()) {
                return true;
            }
            if (entry.port().isPresent() && entry.port().getAsInt() != port) {
                continue;
            }
            if (entry.prefixBits().isPresent() ? inBlock(name, entry.suffix(), entry.prefixBits().getAsInt())
                    : name.equals(entry.suffix()) || (!isIpLiteral(entry.suffix())
                    && name.endsWith("." + entry.suffix()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean inBlock(String host, String network, int bits) {
        if (!isIpLiteral(host)) {
            return false;
        }
        byte[] a = literal(host);
        byte[] n = literal(network);
        if (a.length != n.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((a[i / 8] & mask) != (n[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpLiteral(String text) {
        return text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || (text.contains(":") && text.matches("[0-9a-f:.]+"));
    }

    private static byte[] literal(String ip) {
        try {
            // an IP literal: getByName parses it without any lookup
            return InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            return new byte[0];
        }
    }
}
