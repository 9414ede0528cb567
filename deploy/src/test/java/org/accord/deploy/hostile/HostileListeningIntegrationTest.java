package org.accord.deploy.hostile;

import static org.accord.deploy.hostile.LaunchedPlatform.platform;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.accord.deploy.LaunchSettings;
import org.accord.deploy.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Someone on the same network as a developer's machine tries every port of the local launch: the demo accounts,
 * Keycloak's administrator, the mail server and the database are all there. Every part listens on the loopback
 * interface only, so each port refuses a connection on any other address of this machine and accepts on 127.0.0.1.
 */
@ExtendWith(LaunchedPlatform.class)
class HostileListeningIntegrationTest {

    @Test
    void everyPortOfTheLaunchListensOnTheLoopbackInterfaceAlone() throws SocketException {
        Ports ports = platform().settings().ports();
        assertThat(platform().settings().bindAddress()).isEqualTo(LaunchSettings.LOOPBACK);
        List<InetAddress> outside = addressesOfOtherInterfaces();

        for (Map.Entry<Integer, String> port : ports.owners().entrySet()) {
            // Keycloak opens its management interface only when health or metrics are turned on, as here they are not
            if (port.getKey() != ports.keycloakManagement()) {
                assertThat(accepts(InetAddress.getLoopbackAddress(), port.getKey()))
                        .as(port.getValue() + " on 127.0.0.1:" + port.getKey()).isTrue();
            }
            for (InetAddress address : outside) {
                assertThat(accepts(address, port.getKey()))
                        .as(port.getValue() + " on " + address.getHostAddress() + ":" + port.getKey()).isFalse();
            }
        }
    }

    /** The IPv4 addresses of this machine's interfaces that are up and not the loopback one; there may be none. */
    private static List<InetAddress> addressesOfOtherInterfaces() throws SocketException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(network -> Collections.list(network.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .toList();
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
