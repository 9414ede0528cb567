package org.accord.cases.casefile;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.accord.cases.access.CaseAccessPolicy;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Gives cases stored before the list queries matched on the reader keys their derived fields, so none of them
 * disappears from the lists after an upgrade.
 */
@Component
class DerivedFieldsRefresh implements ApplicationRunner {

    private final MongoOperations mongo;

    DerivedFieldsRefresh(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        refresh();
    }

    /** Returns how many cases it brought up to date. */
    long refresh() {
        long refreshed = 0;
        for (Case stored : mongo.find(query(where(CaseAccessPolicy.READER_KEYS).exists(false)), Case.class)) {
            refreshed += mongo.updateFirst(query(where("_id").is(stored.id()).and("version").is(stored.version())),
                    new Update().set(CaseAccessPolicy.READER_KEYS, stored.readerKeys())
                            .set("statusRank", stored.statusRank())
                            .set("riskRank", stored.riskRank()),
                    Case.class).getModifiedCount();
        }
        return refreshed;
    }
}
