package com.callbackcloser.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callbackcloser.core.model.InvalidInputException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointUrlPolicyTest {
    /** DNS as a table, so the tests need no network and can make a name resolve anywhere. */
    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "internal.example.com", "10.1.2.3",
            "rebound.example.com", "169.254.169.254",
            "nat64.example.com", "64:ff9b::a00:1",
            "sixtofour.example.com", "2002:c0a8:101::1",
            "ula.example.com", "fd12:3456::1",
            "v6.example.com", "2606:2800:220:1:248:1893:25c8:1946",
            "localhost", "127.0.0.1");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address != null) {
            return new InetAddress[] {InetAddress.getByName(address)};
        }
        if (host.matches("[0-9.]+") || host.startsWith("[")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
    }

    private final EndpointUrlPolicy production = new EndpointUrlPolicy(false, EndpointUrlPolicyTest::resolve);
    private final EndpointUrlPolicy development = new EndpointUrlPolicy(true, EndpointUrlPolicyTest::resolve);

    @Test
    void httpsToAPublicHostIsAccepted() {
        assertThat(production.validate("  https://hooks.example.com/callbackcloser?x=1 "))
                .isEqualTo("https://hooks.example.com/callbackcloser?x=1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://hooks.example.com/hook",
                "http://localhost:8080/hook",
                "http://127.0.0.1/hook",
                "ftp://hooks.example.com/hook",
                "https://localhost/hook",
                "https://127.0.0.1/hook",
                "https://10.0.0.5/hook",
                "https://172.16.0.1/hook",
                "https://192.168.1.1/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/hook",
                "https://0.0.0.0/hook",
                "https://[::1]/hook",
                "https://[fe80::1]/hook",
                "https://[fd00::1]/hook",
                "https://[::ffff:10.0.0.1]/hook",
                "https://internal.example.com/hook",
                "https://rebound.example.com/hook",
                "https://nowhere.example.com/hook",
                "https://user:secret@hooks.example.com/hook",
                "https://hooks.example.com/hook#fragment",
                "/relative/hook",
                "not a url",
                ""
            })
    void productionRefusesAnythingButHttpsToAPublicAddress(String url) {
        assertThatThrownBy(() -> production.validate(url))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("url");
    }

    @Test
    void developmentAllowsLoopbackOverHttpButStillNoOtherInternalAddress() {
        assertThat(development.validate("http://localhost:8080/hook")).isEqualTo("http://localhost:8080/hook");
        assertThat(development.validate("http://127.0.0.1:9/hook")).isEqualTo("http://127.0.0.1:9/hook");
        assertThat(development.validate("https://hooks.example.com/hook")).isNotNull();
        assertThatThrownBy(() -> development.validate("http://hooks.example.com/hook"))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> development.validate("https://10.0.0.5/hook")).hasMessageContaining("public");
        assertThatThrownBy(() -> development.validate("https://169.254.169.254/"))
                .hasMessageContaining("public");
        assertThatThrownBy(() -> development.validate("https://[::127.0.0.1]/hook"))
                .as("loopback in disguise is not the loopback development allows")
                .hasMessageContaining("public");
    }

    @Test
    void theAddressIsCheckedAgainBeforeEachDeliveryBecauseDnsCanChange() throws UnknownHostException {
        assertThat(production.checkBeforeSend(URI.create("https://hooks.example.com/x")))
                .isEmpty();
        assertThat(production.checkBeforeSend(URI.create("https://rebound.example.com/x")))
                .isPresent();
    }

    /**
     * Only global unicast IPv6 (2000::/3 minus its special-purpose blocks) may be called; a block that embeds an
     * IPv4 address (mapped, NAT64, 6to4) is judged by the embedded address; a literal is never resolved.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "::127.0.0.1", // IPv4-compatible (deprecated): loopback
                "::7f00:1", // the same, written in hex
                "::a00:1", // IPv4-compatible 10.0.0.1
                "::", // unspecified
                "::1", // loopback
                "::ffff:127.0.0.1", // IPv4-mapped loopback
                "::ffff:7f00:1",
                "::ffff:a9fe:a9fe", // IPv4-mapped 169.254.169.254 (the metadata service)
                "::ffff:0:7f00:1", // IPv4-translated (RFC 2765)
                "64:ff9b::7f00:1", // NAT64 of 127.0.0.1
                "64:ff9b::a9fe:a9fe", // NAT64 of 169.254.169.254
                "64:ff9b::c0a8:101", // NAT64 of 192.168.1.1
                "64:ff9b:1::5db8:d822", // local-use NAT64 (RFC 8215): site-specific, refused
                "2002:7f00:1::", // 6to4 of 127.0.0.1
                "2002:a00:1::1", // 6to4 of 10.0.0.1
                "2002:a9fe:a9fe::1", // 6to4 of 169.254.169.254
                "2001::1", // Teredo (the client address is hidden in it)
                "2001:0:4136:e378:8000:63bf:3fff:fdd2", // Teredo
                "2001:2::1", // benchmarking
                "2001:10::1", // ORCHID
                "2001:db8::1", // documentation
                "2001:db8:ffff::1",
                "3fff::1", // documentation (RFC 9637)
                "100::1", // discard-only
                "fc00::1", // unique local
                "fd12:3456:789a::1",
                "fe80::1", // link-local
                "fec0::1", // site-local (deprecated)
                "ff02::1", // multicast, link scope
                "ff0e::1", // multicast, global scope
                "4000::1", // not allocated as unicast
                "5f00::1", // SRv6 SIDs (RFC 9602)
                "e000::1"
            })
    void onlyGlobalUnicastIpv6IsAccepted(String literal) {
        assertThatThrownBy(() -> production.validate("https://[" + literal + "]/hook"))
                .as(literal)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("public");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2606:2800:220:1:248:1893:25c8:1946", // a global unicast address
                "2a00:1450:4001:80b::200e",
                "2002:5db8:d822::1", // 6to4 of 93.184.216.34, a public address
                "64:ff9b::5db8:d822", // NAT64 of 93.184.216.34 (an IPv6-only host reaching an IPv4 receiver)
                "::ffff:93.184.216.34" // IPv4-mapped public address
            })
    void globalUnicastIpv6AndEmbeddedPublicIpv4AreAccepted(String literal) {
        assertThat(production.validate("https://[" + literal + "]/hook")).isEqualTo("https://[" + literal + "]/hook");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "192.0.0.1", // IETF protocol assignments
                "192.0.2.1", // documentation (TEST-NET-1)
                "198.51.100.7", // TEST-NET-2
                "203.0.113.9", // TEST-NET-3
                "192.88.99.1", // the deprecated 6to4 relay anycast
                "198.18.0.1", // benchmarking
                "224.0.0.1", // multicast
                "239.255.255.250",
                "240.0.0.1", // reserved
                "255.255.255.255", // broadcast
                "127.1.2.3",
                "0.1.2.3"
            })
    void specialPurposeIpv4IsRefused(String literal) {
        assertThatThrownBy(() -> production.validate("https://" + literal + "/hook"))
                .as(literal)
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anIpv4MappedAddressAResolverHandsBackAsIpv6IsJudgedByItsIpv4Address() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        mapped[15] = 1;
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
        EndpointUrlPolicy policy = new EndpointUrlPolicy(false, host -> new InetAddress[] {address});

        assertThatThrownBy(() -> policy.validate("https://mapped.example.com/hook"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(policy.checkBeforeSend(URI.create("https://mapped.example.com/x")))
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nat64.example.com", "sixtofour.example.com", "ula.example.com"})
    void aNameResolvingToAnIpv6AddressInsideANetworkIsRefused(String host) {
        assertThatThrownBy(() -> production.validate("https://" + host + "/hook"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(production.validate("https://v6.example.com/hook")).isEqualTo("https://v6.example.com/hook");
    }

    @Test
    void aNameWithOnePublicAndOneInternalAddressIsRefused() {
        EndpointUrlPolicy policy = new EndpointUrlPolicy(false, host ->
                new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("fd00::1")});

        assertThatThrownBy(() -> policy.validate("https://mixed.example.com/hook"))
                .isInstanceOf(InvalidInputException.class);
    }

    /**
     * The refusal must not tell the owner where an internal name points (it would make the API a DNS oracle
     * for our network), nor whether it exists at all: an internal name reads exactly like one that does not
     * resolve.
     */
    @Test
    void aRefusedNameIsNamedButWhatItResolvedToIsNever() {
        String internal = refusal("https://internal.example.com/hook");
        String metadata = refusal("https://rebound.example.com/hook");
        String nowhere = refusal("https://nowhere.example.com/hook");

        assertThat(internal).contains("internal.example.com").doesNotContain("10.1.2.3");
        assertThat(metadata).contains("rebound.example.com").doesNotContain("169.254");
        assertThat(internal.replace("internal.example.com", "HOST"))
                .isEqualTo(metadata.replace("rebound.example.com", "HOST"))
                .isEqualTo(nowhere.replace("nowhere.example.com", "HOST"));
    }

    @Test
    void theRefusalBeforeADeliveryDoesNotNameTheAddressEither() throws UnknownHostException {
        assertThat(production.checkBeforeSend(URI.create("https://rebound.example.com/x")))
                .hasValueSatisfying(message ->
                        assertThat(message).contains("rebound.example.com").doesNotContain("169.254"));
        assertThat(production.checkBeforeSend(URI.create("https://nowhere.example.com/x")))
                .hasValueSatisfying(message -> assertThat(message).contains("nowhere.example.com"));
    }

    private String refusal(String url) {
        try {
            production.validate(url);
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
        throw new AssertionError(url + " was accepted");
    }
}
