package org.accord.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The run command's options for a second platform beside the first: its own data folder and its own ports. */
class LaunchOptionsTest {

    @Test
    void aDataFolderAndAFirstPortMoveThePlatform() {
        LaunchSettings settings = AccordLauncher.settings(List.of("--data=other-data", "--ports=18080"));

        assertThat(settings.dataDir()).isEqualTo(settings.projectRoot().resolve("other-data"));
        Ports ports = settings.ports();
        assertThat(ports.gateway()).isEqualTo(18080);
        assertThat(ports.notifications()).isEqualTo(18083);
        assertThat(ports.gatewayManagement()).isEqualTo(18084);
        assertThat(ports.notificationsManagement()).isEqualTo(18087);
        assertThat(ports.keycloak()).isEqualTo(18088);
        assertThat(ports.keycloakManagement()).isEqualTo(18089);
        assertThat(ports.mongo()).isEqualTo(18090);
        assertThat(ports.imap()).isEqualTo(18092);
        assertThat(settings.gatewayUrl()).isEqualTo("http://localhost:18080");
    }

    @Test
    void withoutOptionsTheReadmesPortsAndDataFolderAreUsed() {
        LaunchSettings settings = AccordLauncher.settings(List.of());

        assertThat(settings.ports()).isEqualTo(Ports.defaults());
        assertThat(settings.dataDir()).isEqualTo(settings.projectRoot().resolve("data"));
    }

    @Test
    void aFirstPortThatIsNoNumberOrLeavesNoRoomIsRefusedByName() {
        assertThatThrownBy(() -> AccordLauncher.settings(List.of("--ports=free")))
                .isInstanceOf(LaunchException.class).hasMessageContaining("--ports").hasMessageContaining("free");
        assertThatThrownBy(() -> AccordLauncher.settings(List.of("--ports=65530")))
                .isInstanceOf(LaunchException.class).hasMessageContaining("65530");
        assertThatThrownBy(() -> AccordLauncher.settings(List.of("--data=")))
                .isInstanceOf(LaunchException.class).hasMessageContaining("--data=");
    }
}
