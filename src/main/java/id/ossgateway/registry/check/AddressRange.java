package id.ossgateway.registry.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 CIDR range, or a single address as a /32 or /128. IPv4-mapped IPv6 addresses
 * ({@code ::ffff:127.0.0.1}) count as the IPv4 address they carry, so a range cannot be bypassed by
 * writing the same address the other way.
 */
final class AddressRange {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private final byte[] network;
    private final int prefix;
    private final String text;

    private AddressRange(byte[] network, int prefix, String text) {
        this.network = mask(network, prefix);
        this.prefix = prefix;
        this.text = text;
    }

    /** Parses {@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 192.0.2.7} or {@code ::1}. */
    static AddressRange parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range");
        }
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + max);
            }
        }
        return new AddressRange(bytes, prefix, t);
    }

    /**
     * The bytes of an IP literal, IPv4 as 4 bytes even when written IPv4-mapped, or null when the text
     * is not a literal. Never asks DNS: only strict dotted quads and colon forms are considered.
     */
    static byte[] literal(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = IPV4.matcher(t).matches();
        boolean v6 = t.contains(":") && IPV6.matcher(t).matches();
        if (!v4 && !v6) {
            return null;
        }
        try {
            // a literal of these shapes is parsed, never looked up
            return canonical(InetAddress.getByName(t).getAddress());
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static byte[] canonical(byte[] address) {
        if (address.length == 16 && Arrays.equals(Arrays.copyOf(address, 12), MAPPED_PREFIX)) {
            return Arrays.copyOfRange(address, 12, 16);
        }
        return address;
    }

    boolean contains(InetAddress address) {
        return contains(canonical(address.getAddress()));
    }

    private boolean contains(byte[] address) {
        return address.length == network.length && Arrays.equals(mask(address, prefix), network);
    }

    /** True when every address of {@code other} lies in this range. */
    boolean encloses(AddressRange other) {
        return other.network.length == network.length && other.prefix >= prefix && contains(other.network);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] &= (byte) (0xff << (8 - bits));
        }
        return masked;
    }

    @Override
    public String toString() {
        return text;
    }
}
