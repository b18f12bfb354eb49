package id.ossgateway.registry.check;

import java.net.InetAddress;
import java.util.List;

/**
 * A host the guard let through, with the addresses it checked. Connecting to one of these addresses
 * rather than to the name again closes the window in which DNS could answer differently.
 */
public record ApprovedTarget(String host, List<InetAddress> addresses) {

    public ApprovedTarget {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("an approved target has at least one address");
        }
    }

    /** The first checked address as a literal, for clients that take a host string. */
    public String firstAddress() {
        return addresses.get(0).getHostAddress();
    }
}
