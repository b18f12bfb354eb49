package id.ossgateway.registry.check;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Addresses the gateway never reaches unless an allowlist entry names them: each group with the reason
 * it is dangerous. Metadata comes first because it lies inside link-local and needs its own explicit
 * entry: allowing {@code 169.254.0.0/16} does not open the metadata service.
 */
final class ForbiddenAddresses {

    /** A group of forbidden ranges and why. */
    record Group(String name, String why, List<AddressRange> ranges) {

        boolean contains(InetAddress address) {
            return ranges.stream().anyMatch(r -> r.contains(address));
        }

        /** An allowlist entry opens this group only if it lies entirely inside it. */
        boolean isOpenedBy(AddressRange entry) {
            return ranges.stream().anyMatch(r -> r.encloses(entry));
        }
    }

    static final List<Group> GROUPS = List.of(
            group("a cloud metadata address", "it hands out the server's own credentials",
                    "169.254.169.254", "fd00:ec2::254",
                    // Alibaba Cloud, which also runs a Jakarta region
                    "100.100.100.200"),
            group("a loopback address", "it reaches services on the gateway's own machine",
                    "127.0.0.0/8", "::1"),
            group("a link-local address", "it reaches the host's own network plumbing",
                    "169.254.0.0/16", "fe80::/10"),
            group("an unspecified address", "operating systems route it to the gateway itself",
                    "0.0.0.0/8", "::"),
            group("a multicast or broadcast address", "it is not a single server",
                    "224.0.0.0/4", "ff00::/8", "255.255.255.255"));

    /** Host names that lead to a metadata service whatever they resolve to. */
    static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata");

    private ForbiddenAddresses() {
    }

    static Optional<Group> groupOf(InetAddress address) {
        return GROUPS.stream().filter(g -> g.contains(address)).findFirst();
    }

    static boolean isMetadataName(String host) {
        return METADATA_NAMES.contains(host.toLowerCase(Locale.ROOT));
    }

    private static Group group(String name, String why, String... ranges) {
        return new Group(name, why, List.of(ranges).stream().map(AddressRange::parse).toList());
    }
}
