package id.ossgateway.registry.check;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which OPD hosts the gateway may connect to, from an operator-managed allowlist of exact host
 * names, {@code *.example.go.id} wildcards, single IPs and CIDR ranges. Every address a name resolves
 * to is checked, so an allowlisted name pointing at loopback, link-local, metadata, unspecified or
 * multicast addresses (DNS rebinding) is refused unless an entry inside that forbidden range names it.
 */
public final class OutboundGuard {

    private static final Pattern HOST_NAME =
            Pattern.compile("(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");

    private final Set<String> names;
    private final List<String> suffixes;
    private final List<AddressRange> ranges;
    private final Function<String, InetAddress[]> resolver;

    /** A guard that resolves names through the system resolver. */
    public OutboundGuard(List<String> allowlist) {
        this(allowlist, OutboundGuard::systemResolve);
    }

    /**
     * @param allowlist entries as the operator wrote them; a malformed entry fails here, naming it
     * @param resolver  all addresses of a name; null, empty or an {@link UncheckedIOException} wrapping
     *                  an {@link UnknownHostException} mean the name does not exist
     */
    public OutboundGuard(List<String> allowlist, Function<String, InetAddress[]> resolver) {
        List<String> exact = new ArrayList<>();
        List<String> wild = new ArrayList<>();
        List<AddressRange> cidrs = new ArrayList<>();
        for (String raw : allowlist) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.contains("/") || AddressRange.literal(entry) != null) {
                cidrs.add(AddressRange.parse(entry));
            } else if (entry.startsWith("*.") && validName(entry.substring(2)) && entry.indexOf('.', 2) > 0) {
                wild.add(entry.substring(1));
            } else if (validName(stripDot(entry))) {
                exact.add(stripDot(entry));
            } else {
                throw new IllegalArgumentException("allowlist entry '" + raw + "' is neither a host name, a"
                        + " *.domain wildcard with at least two labels, an IP address nor a CIDR range");
            }
        }
        this.names = Set.copyOf(exact);
        this.suffixes = List.copyOf(wild);
        this.ranges = List.copyOf(cidrs);
        this.resolver = resolver;
    }

    /**
     * Approves a host or says why not.
     *
     * @throws RefusedTargetException when the host is malformed, not allowlisted, or resolves to a
     *                                forbidden address that no allowlist entry names
     * @throws UnknownHostException   when the name does not resolve
     */
    public ApprovedTarget check(String host) throws RefusedTargetException, UnknownHostException {
        if (host == null || host.isBlank()) {
            throw new RefusedTargetException("No host given.");
        }
        byte[] literal = AddressRange.literal(host);
        String name = literal == null ? stripDot(host.toLowerCase(Locale.ROOT)) : host;
        if (literal == null && !validName(name)) {
            throw new RefusedTargetException("'" + host + "' is not a valid host name.");
        }
        boolean nameAllowed = literal == null
                && (names.contains(name) || suffixes.stream().anyMatch(name::endsWith));
        if (literal == null && ForbiddenAddresses.isMetadataName(name) && !names.contains(name)) {
            throw new RefusedTargetException("Host '" + host + "' is a cloud metadata service; the gateway"
                    + " never connects there.");
        }
        if (!nameAllowed && ranges.isEmpty()) {
            throw notAllowlisted(host, "");
        }
        List<InetAddress> addresses = literal != null
                ? List.of(InetAddress.getByAddress(literal))
                : resolve(name);
        for (InetAddress address : addresses) {
            checkAddress(host, address, nameAllowed);
        }
        return new ApprovedTarget(name, addresses);
    }

    private void checkAddress(String host, InetAddress address, boolean nameAllowed) throws RefusedTargetException {
        String shown = address.getHostAddress();
        Optional<ForbiddenAddresses.Group> forbidden = ForbiddenAddresses.groupOf(address);
        if (forbidden.isPresent()) {
            ForbiddenAddresses.Group group = forbidden.get();
            boolean named = ranges.stream().anyMatch(r -> r.contains(address) && group.isOpenedBy(r));
            if (!named) {
                throw new RefusedTargetException("Host '" + host + "' " + resolvesTo(host, shown) + group.name() + "; the gateway refuses it because " + group.why() + ", unless the"
                        + " operator adds that address to the allowlist explicitly.");
            }
            return;
        }
        if (!nameAllowed && ranges.stream().noneMatch(r -> r.contains(address))) {
            throw notAllowlisted(host, shown.equals(host) ? "" : " (it resolves to " + shown + ")");
        }
    }

    private List<InetAddress> resolve(String name) throws UnknownHostException {
        InetAddress[] found;
        try {
            found = resolver.apply(name);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            throw e;
        }
        if (found == null || found.length == 0) {
            throw new UnknownHostException(name);
        }
        return Arrays.asList(found);
    }

    private static InetAddress[] systemResolve(String name) {
        try {
            return InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RefusedTargetException notAllowlisted(String host, String detail) {
        return new RefusedTargetException("Host '" + host + "'" + detail + " is not on the gateway's allowlist"
                + " of OPD hosts; ask the operator to add it.");
    }

    private static String resolvesTo(String host, String shown) {
        return shown.equals(host) ? "is " : "resolves to " + shown + ", ";
    }

    private static boolean validName(String name) {
        return HOST_NAME.matcher(name).matches();
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    @Override
    public String toString() {
        return "OutboundGuard" + names + suffixes.stream().map(s -> "*" + s).collect(Collectors.toList()) + ranges;
    }
}
