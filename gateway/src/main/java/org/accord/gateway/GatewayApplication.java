package org.accord.gateway;

import org.accord.gateway.edge.KeepAliveConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        KeepAliveConfiguration.keepConnectionsReading();
        SpringApplication.run(GatewayApplication.class, args);
    }
}
