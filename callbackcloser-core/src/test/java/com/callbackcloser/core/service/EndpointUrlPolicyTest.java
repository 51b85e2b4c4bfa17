package com.callbackcloser.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callbackcloser.core.model.InvalidInputException;
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
        assertThatThrownBy(() -> development.validate("https://10.0.0.5/hook")).hasMessageContaining("internal");
        assertThatThrownBy(() -> development.validate("https://169.254.169.254/"))
                .hasMessageContaining("internal");
    }

    @Test
    void theAddressIsCheckedAgainBeforeEachDeliveryBecauseDnsCanChange() throws UnknownHostException {
        assertThat(production.checkBeforeSend(URI.create("https://hooks.example.com/x")))
                .isNull();
        assertThat(production.checkBeforeSend(URI.create("https://rebound.example.com/x")))
                .contains("169.254.169.254");
    }
}
