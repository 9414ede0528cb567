package org.accord.support.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;

class DurableWritesTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, StoreAutoConfiguration.class));

    @Test
    void aServiceWritesWithMajorityJournaledWhenItsUriSaysNothing() {
        service.withPropertyValues("spring.mongodb.uri=mongodb://db-0,db-1,db-2/cases?replicaSet=accord")
                .run(context -> assertThat(writeConcernOf(context.getBean(MongoClient.class)))
                        .isEqualTo(WriteConcern.MAJORITY.withJournal(true)));
    }

    @Test
    void aWriteConcernInTheUriIsTheOperatorsChoice() {
        service.withPropertyValues("spring.mongodb.uri=mongodb://db-0/cases?w=2&journal=false")
                .run(context -> assertThat(writeConcernOf(context.getBean(MongoClient.class)))
                        .isEqualTo(new WriteConcern(2).withJournal(false)));
    }

    private static WriteConcern writeConcernOf(MongoClient client) {
        return client.getDatabase("cases").getWriteConcern();
    }
}
