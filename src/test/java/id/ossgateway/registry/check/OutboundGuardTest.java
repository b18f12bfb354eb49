package id.ossgateway.registry.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundGuardTest {

    /** A DNS of our own, so that rebinding can be shown without touching the network. */
    private final Map<String, String[]> dns = new HashMap<>();

    private OutboundGuard guard(String... allowlist) {
        return new OutboundGuard(List.of(allowlist), name -> {
            String[] found = dns.get(name);
            return found == null ? null : Arrays.stream(found).map(OutboundGuardTest::address).toArray(InetAddress[]::new);
        });
    }

    private void dns(String name, String... addresses) {
        dns.put(name, addresses);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByAddress(AddressRange.literal(literal));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    @Test
    void allowsAnExactNameWithAllItsAddresses() throws Exception {
        dns("simbg.bantulkab.go.id", "10.20.0.5", "2001:db8::5");

        ApprovedTarget target = guard("simbg.bantulkab.go.id").check("SIMBG.bantulkab.go.id.");

        assertThat(target.host()).isEqualTo("simbg.bantulkab.go.id");
        assertThat(target.addresses()).extracting(InetAddress::getHostAddress)
                .containsExactly("10.20.0.5", "2001:db8:0:0:0:0:0:5");
        assertThat(target.firstAddress()).isEqualTo("10.20.0.5");
    }

    @Test
    void refusesANameThatIsNotListedAndNamesIt() {
        dns("evil.example.com", "203.0.113.9");

        assertThatThrownBy(() -> guard("simbg.bantulkab.go.id", "10.0.0.0/8").check("evil.example.com"))
                .isInstanceOf(RefusedTargetException.class)
                .hasMessage("Host 'evil.example.com' (it resolves to 203.0.113.9) is not on the gateway's"
                        + " allowlist of OPD hosts; ask the operator to add it.");
    }

    @Test
    void refusesAnUnlistedNameWithoutAskingDnsWhenThereAreNoRanges() {
        OutboundGuard guard = new OutboundGuard(List.of("a.go.id"), name -> {
            throw new AssertionError("DNS asked for " + name);
        });

        assertThatThrownBy(() -> guard.check("b.go.id")).isInstanceOf(RefusedTargetException.class)
                .hasMessageContaining("'b.go.id' is not on the gateway's allowlist");
    }

    @Test
    void wildcardCoversSubdomainsButNotTheDomainItselfNorLookalikes() throws Exception {
        dns("dpmptsp.jogjaprov.go.id", "10.1.1.1");
        dns("a.b.jogjaprov.go.id", "10.1.1.2");
        dns("jogjaprov.go.id", "10.1.1.3");
        dns("eviljogjaprov.go.id", "10.1.1.4");
        OutboundGuard guard = guard("*.jogjaprov.go.id");

        assertThat(guard.check("dpmptsp.jogjaprov.go.id").host()).isEqualTo("dpmptsp.jogjaprov.go.id");
        assertThat(guard.check("a.b.jogjaprov.go.id").host()).isEqualTo("a.b.jogjaprov.go.id");
        assertThatThrownBy(() -> guard.check("jogjaprov.go.id")).isInstanceOf(RefusedTargetException.class);
        assertThatThrownBy(() -> guard.check("eviljogjaprov.go.id")).isInstanceOf(RefusedTargetException.class);
    }

    @Test
    void ipv4CidrCoversNamesAndLiteralsInsideOnly() throws Exception {
        dns("db.opd.lan", "192.168.10.44");
        OutboundGuard guard = guard("192.168.10.0/24");

        assertThat(guard.check("db.opd.lan").addresses()).containsExactly(address("192.168.10.44"));
        assertThat(guard.check("192.168.10.255").host()).isEqualTo("192.168.10.255");
        assertThatThrownBy(() -> guard.check("192.168.11.1")).isInstanceOf(RefusedTargetException.class)
                .hasMessageContaining("'192.168.11.1' is not on the gateway's allowlist");
    }

    @Test
    void ipv6CidrAndMappedAddresses() throws Exception {
        OutboundGuard guard = guard("2001:db8:10::/48", "10.9.0.0/16");

        assertThat(guard.check("2001:db8:10:ffff::1").host()).isEqualTo("2001:db8:10:ffff::1");
        assertThat(guard.check("[2001:db8:10::2]").addresses()).hasSize(1);
        assertThatThrownBy(() -> guard.check("2001:db8:11::1")).isInstanceOf(RefusedTargetException.class);
        // the same IPv4 address written as IPv4-mapped IPv6 is the same address
        assertThat(guard.check("::ffff:10.9.1.1").firstAddress()).isEqualTo("10.9.1.1");
    }

    @Test
    void singleIpEntryCoversThatAddressOnly() throws Exception {
        OutboundGuard guard = guard("10.5.5.5");

        assertThat(guard.check("10.5.5.5").firstAddress()).isEqualTo("10.5.5.5");
        assertThatThrownBy(() -> guard.check("10.5.5.6")).isInstanceOf(RefusedTargetException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1", "169.254.1.1", "fe80::1",
        "169.254.169.254", "fd00:ec2::254", "100.100.100.200", "0.0.0.0", "::", "224.0.0.1", "ff02::1",
        "255.255.255.255"})
    void refusesForbiddenAddressesEvenInsideAnAllowAllRange(String literal) {
        OutboundGuard guard = guard("0.0.0.0/0", "::/0");

        assertThatThrownBy(() -> guard.check(literal)).isInstanceOf(RefusedTargetException.class)
                .hasMessageContaining("unless the operator adds that address to the allowlist explicitly");
    }

    @Test
    void ordinaryAddressesPassAnAllowAllRange() throws Exception {
        assertThat(guard("0.0.0.0/0").check("10.1.2.3").firstAddress()).isEqualTo("10.1.2.3");
    }

    @Test
    void explicitLoopbackEntryOpensLoopback() throws Exception {
        assertThat(guard("127.0.0.1").check("127.0.0.1").firstAddress()).isEqualTo("127.0.0.1");
        assertThat(guard("127.0.0.0/8").check("127.0.0.2").firstAddress()).isEqualTo("127.0.0.2");
        assertThat(guard("::1").check("::1").firstAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThatThrownBy(() -> guard("127.0.0.1").check("127.0.0.2")).isInstanceOf(RefusedTargetException.class)
                .hasMessage("Host '127.0.0.2' is a loopback address; the gateway refuses it because it reaches"
                        + " services on the gateway's own machine, unless the operator adds that address to the"
                        + " allowlist explicitly.");
    }

    @Test
    void linkLocalEntryDoesNotOpenTheMetadataService() throws Exception {
        OutboundGuard guard = guard("169.254.0.0/16");

        assertThat(guard.check("169.254.10.10").firstAddress()).isEqualTo("169.254.10.10");
        assertThatThrownBy(() -> guard.check("169.254.169.254")).isInstanceOf(RefusedTargetException.class)
                .hasMessageContaining("a cloud metadata address");
        assertThat(guard("169.254.169.254").check("169.254.169.254").firstAddress()).isEqualTo("169.254.169.254");
    }

    @Test
    void metadataNamesAreRefusedEvenUnderAnAllowedWildcard() {
        dns("metadata.google.internal", "169.254.169.254");

        assertThatThrownBy(() -> guard("*.google.internal", "0.0.0.0/0").check("metadata.google.internal"))
                .isInstanceOf(RefusedTargetException.class)
                .hasMessage("Host 'metadata.google.internal' is a cloud metadata service; the gateway never connects there.");
    }

    @Test
    void allowlistedNameResolvingToLoopbackIsRefused_dnsRebinding() {
        // the OPD's name is on the list, but its DNS answer was changed to point into the gateway itself
        dns("sipo.kab.go.id", "10.3.3.3", "127.0.0.1");

        assertThatThrownBy(() -> guard("sipo.kab.go.id").check("sipo.kab.go.id"))
                .isInstanceOf(RefusedTargetException.class)
                .hasMessageStartingWith("Host 'sipo.kab.go.id' resolves to 127.0.0.1, a loopback address;");
    }

    @Test
    void allowlistedNameResolvingToMetadataIsRefused() {
        dns("api.kab.go.id", "169.254.169.254");

        assertThatThrownBy(() -> guard("*.kab.go.id").check("api.kab.go.id"))
                .isInstanceOf(RefusedTargetException.class).hasMessageContaining("a cloud metadata address");
    }

    @Test
    void allowlistedNameResolvingToLoopbackPassesWhenLoopbackIsListedToo() throws Exception {
        dns("localhost", "127.0.0.1", "::1");

        assertThatThrownBy(() -> guard("localhost", "127.0.0.1").check("localhost"))
                .isInstanceOf(RefusedTargetException.class).hasMessageContaining("0:0:0:0:0:0:0:1");
        assertThat(guard("localhost", "127.0.0.1", "::1").check("localhost").addresses()).hasSize(2);
    }

    @Test
    void unknownNameIsNotARefusal() {
        assertThatThrownBy(() -> guard("nowhere.go.id").check("nowhere.go.id")).isInstanceOf(UnknownHostException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b.go.id", "user@host.go.id", "host.go.id/path", "fe80::1%eth0",
        "host.go.id:8080", "-bad.go.id", "http://host.go.id"})
    void refusesMalformedHosts(String host) {
        assertThatThrownBy(() -> guard("0.0.0.0/0", "*.go.id").check(host)).isInstanceOf(RefusedTargetException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*.id", "*", "10.0.0.0/33", "::/129", "10.0.0.0/x", "bad host", "*.-x.go.id", "300.1.1.1/8"})
    void malformedAllowlistEntriesFailAtConstruction(String entry) {
        assertThatThrownBy(() -> guard(entry)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(entry);
    }
}
