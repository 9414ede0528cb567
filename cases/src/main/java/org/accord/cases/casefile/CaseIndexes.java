package org.accord.cases.casefile;

import java.util.ArrayList;
import java.util.List;

import org.accord.cases.access.CaseAccessPolicy;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes of the case list, in Equality-Sort-Range order. Every list query matches the caller's reader keys
 * (equality on the multikey field {@code audience} that stores them), optionally one or more filters (equalities),
 * and sorts by one field and the id. So each sortable field gets an index led by the reader keys, and each filter one per sortable field with
 * the filter between the reader keys and the sort: a query with several filters is bounded by one of them and checks
 * the others on the entries it reads. Literal text search cannot use a B-tree index and is checked the same way.
 * Single cases are read and written by id.
 */
@Component
class CaseIndexes implements InitializingBean {

    static final List<String> FILTERS = List.of("status", "situationCountry", "tlp", "riskLevel");

    private final MongoOperations mongo;

    CaseIndexes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    static List<Index> declared() {
        List<Index> indexes = new ArrayList<>();
        for (String sorted : CaseQuery.SORTABLE.values()) {
            indexes.add(new Index().named(CaseAccessPolicy.READER_KEYS + "_" + sorted)
                    .on(CaseAccessPolicy.READER_KEYS, Sort.Direction.ASC).on(sorted, Sort.Direction.ASC)
                    .on("_id", Sort.Direction.ASC));
            for (String filter : FILTERS) {
                indexes.add(new Index().named(CaseAccessPolicy.READER_KEYS + "_" + filter + "_" + sorted)
                        .on(CaseAccessPolicy.READER_KEYS, Sort.Direction.ASC).on(filter, Sort.Direction.ASC)
                        .on(sorted, Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
            }
        }
        return indexes;
    }

    @Override
    public void afterPropertiesSet() {
        declared().forEach(index -> mongo.indexOps(Case.class).createIndex(index));
    }
}
