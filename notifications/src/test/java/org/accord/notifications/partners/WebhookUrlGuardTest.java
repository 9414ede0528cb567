package org.accord.notifications.partners;

import org.accord.notifications.partners.WebhookUrlGuard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WebhookUrlGuardTest {

    /** Stands in for DNS: names resolve only to the addresses listed here. */
    private static final Map<String, String> DNS = Map.of(
            "partner.example", "8.8.8.8",
            "dual.example", "1.1.1.1",
            "internal.example", "10.1.2.3",
            "metadata.example", "169.254.169.254",
            "v6-private.example", "fd00::1",
            "localhost", "127.0.0.1");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.equals("rebind.example")) {
            // One public and one private answer: the private one decides.
            return new InetAddress[] { InetAddress.getByName("9.9.9.9"), InetAddress.getByName("192.168.1.1") };
        }
        String address = DNS.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] { InetAddress.getByName(address) };
    }

    private final WebhookUrlGuard production = new WebhookUrlGuard(false, WebhookUrlGuardTest::resolve);
    private final WebhookUrlGuard localDemo = new WebhookUrlGuard(true, WebhookUrlGuardTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://partner.example/hooks/accord",
            "https://partner.example:8443/hooks?x=1",
            "https://1.1.1.1/hook",
            "https://[2606:4700::1111]/hook",
            "https://[64:ff9b::808:808]/hook",
            "https://8.8.8.8/hook" })
    void publicHttpsAddressesAreAccepted(String url) {
        assertThat(production.check(url).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://partner.example/hook",
            "ftp://partner.example/hook",
            "partner.example/hook",
            "https://user:pass@partner.example/hook",
            "https:///hook",
            "https://no-such-host.example/hook",
            "not a url" })
    void onlyPlainHttpsUrlsToResolvableHostsAreAccepted(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(WebhookUrlGuard.RefusedUrlException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook",
            "https://127.1.2.3/hook",
            "https://localhost/hook",
            "https://[::1]/hook",
            "https://169.254.169.254/latest/meta-data",
            "https://metadata.example/",
            "https://10.0.0.1/hook",
            "https://172.16.5.4/hook",
            "https://192.168.0.1/hook",
            "https://internal.example/hook",
            "https://rebind.example/hook",
            "https://100.64.0.1/hook",
            "https://0.0.0.0/hook",
            "https://[::]/hook",
            "https://224.0.0.1/hook",
            "https://255.255.255.255/hook",
            "https://[ff02::1]/hook",
            "https://[fe80::1]/hook",
            "https://[fd00::1]/hook",
            "https://[fc00::1]/hook",
            "https://v6-private.example/hook",
            "https://[::ffff:127.0.0.1]/hook",
            "https://[::ffff:7f00:1]/hook",
            "https://[::ffff:10.0.0.1]/hook",
            "https://[::127.0.0.1]/hook",
            "https://[2002:7f00:1::]/hook",
            "https://[64:ff9b::a9fe:a9fe]/hook",
            "https://2130706433/hook",
            "https://0x7f000001/hook",
            "https://0x7f.0.0.1/hook",
            "https://0177.0.0.1/hook",
            "https://127.1/hook",
            "https://017700000001/hook",
            "https://0xa9.0xfe.0xa9.0xfe/hook",
            "https://3232235521/hook",
            "https://127.0.0.1./hook" })
    void internalAddressesAreRefusedInEveryNotation(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(WebhookUrlGuard.RefusedUrlException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/hook",
            "http://[::1]/hook",
            "http://169.254.169.254/hook",
            "http://10.0.0.1/hook",
            "http://2130706433/hook",
            "http://0x7f000001/hook" })
    void theIssuesListIsRefusedAlsoOverPlainHttp(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(WebhookUrlGuard.RefusedUrlException.class);
    }

    @Test
    void theLocalDemoMayAllowLoopbackButNothingElseInternal() {
        assertThat(localDemo.check("https://localhost:8443/hook").getPort()).isEqualTo(8443);
        assertThat(localDemo.check("https://127.0.0.1/hook")).isNotNull();
        assertThat(localDemo.check("https://[::1]/hook")).isNotNull();
        assertThat(localDemo.check("https://2130706433/hook")).isNotNull();
        for (String url : new String[] { "http://localhost/hook", "https://10.0.0.1/hook",
                "https://169.254.169.254/", "https://[fd00::1]/hook" }) {
            assertThatThrownBy(() -> localDemo.check(url)).as(url)
                    .isInstanceOf(WebhookUrlGuard.RefusedUrlException.class);
        }
    }

    @Test
    void theAddressConnectedToAtSendTimeIsCheckedToo() throws UnknownHostException {
        production.checkAddress(InetAddress.getByName("8.8.8.8"));
        assertThatThrownBy(() -> production.checkAddress(InetAddress.getByName("10.9.8.7")))
                .isInstanceOf(WebhookUrlGuard.RefusedUrlException.class);
    }

    @Test
    void refusalsSayWhatIsWrong() {
        assertThatThrownBy(() -> production.check("http://partner.example/")).hasMessage("must be an https URL");
        assertThatThrownBy(() -> production.check("https://[::1]/")).hasMessage("must not point to a loopback address");
        assertThatThrownBy(() -> production.check("https://10.0.0.1/"))
                .hasMessage("must point to a public address, not one in 10.0.0.0/8 (Private-Use, RFC 1918)");
        assertThatThrownBy(() -> production.check("https://[::ffff:10.0.0.1]/"))
                .hasMessage("must point to a public address, not one in ::ffff:0:0/96 (IPv4-mapped Address, RFC 4291)");
    }

    @Test
    void aNameThatDoesNotResolveIsRefusedExactlyLikeOneResolvingToAnInternalAddress() {
        assertThatThrownBy(() -> production.check("https://no-such-host.example/"))
                .hasMessage("must name a host that resolves to public addresses only");
        assertThatThrownBy(() -> production.check("https://internal.example/"))
                .hasMessage("must name a host that resolves to public addresses only");
        assertThatThrownBy(() -> production.check("https://localhost/"))
                .hasMessage("must name a host that resolves to public addresses only");
    }
}
