package org.accord.support.store;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import com.mongodb.MongoClientSettings;

/** The settings every service's MongoDB client shares. */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass(MongoClientSettings.class)
public class StoreAutoConfiguration {

    @Bean
    DurableWrites durableWrites() {
        return new DurableWrites();
    }
}
