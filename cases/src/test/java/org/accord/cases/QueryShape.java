package org.accord.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The shape of one query the service sent: which fields it matches by equality (values, {@code $in},
 * {@code $exists}), which by range, what it sorts by, whether it searches text, and anything an index cannot serve.
 * Values are left out: two queries that differ only in values have the same shape.
 */
public record QueryShape(String collection, Set<String> equality, List<Key> sort, Set<String> range,
        boolean textSearch, Set<String> unindexable) {

    /** One key of an index or a sort: a field and its direction, 1 or -1. */
    public record Key(String field, int direction) {

        @Override
        public String toString() {
            return field + ":" + direction;
        }
    }

    /** The shapes of the queries in one command; commands that query nothing have none. */
    static List<QueryShape> of(String command, String collection, BsonDocument body) {
        List<QueryShape> shapes = new ArrayList<>();
        switch (command) {
            case "find" -> shapes.add(of(collection, body.getDocument("filter", new BsonDocument()),
                    body.getDocument("sort", new BsonDocument())));
            case "count" -> shapes.add(of(collection, body.getDocument("query", new BsonDocument()),
                    new BsonDocument()));
            case "findAndModify" -> shapes.add(of(collection, body.getDocument("query", new BsonDocument()),
                    body.getDocument("sort", new BsonDocument())));
            case "update" -> body.getArray("updates", new BsonArray()).forEach(update -> shapes
                    .add(of(collection, update.asDocument().getDocument("q"), new BsonDocument())));
            case "delete" -> body.getArray("deletes", new BsonArray()).forEach(delete -> shapes
                    .add(of(collection, delete.asDocument().getDocument("q"), new BsonDocument())));
            case "aggregate" -> {
                BsonDocument match = new BsonDocument();
                BsonDocument sort = new BsonDocument();
                for (BsonValue stage : body.getArray("pipeline")) {
                    if (stage.asDocument().containsKey("$match") && match.isEmpty() && sort.isEmpty()) {
                        match = stage.asDocument().getDocument("$match");
                    } else if (stage.asDocument().containsKey("$sort") && sort.isEmpty()) {
                        sort = stage.asDocument().getDocument("$sort");
                    }
                }
                shapes.add(of(collection, match, sort));
            }
            default -> {
            }
        }
        return shapes;
    }

    public static QueryShape of(String collection, BsonDocument filter, BsonDocument sort) {
        Set<String> equality = new TreeSet<>();
        Set<String> range = new TreeSet<>();
        Set<String> unindexable = new TreeSet<>();
        boolean[] textSearch = { false };
        collect(filter, equality, range, unindexable, textSearch);
        List<Key> keys = new ArrayList<>();
        sort.forEach((field, direction) -> keys.add(new Key(field, direction.asNumber().intValue())));
        return new QueryShape(collection, equality, keys, range, textSearch[0], unindexable);
    }

    private static void collect(BsonDocument filter, Set<String> equality, Set<String> range, Set<String> unindexable,
            boolean[] textSearch) {
        filter.forEach((key, value) -> {
            if (key.equals("$and")) {
                value.asArray().forEach(part -> collect(part.asDocument(), equality, range, unindexable, textSearch));
            } else if (key.equals("$or") && isTextSearch(value.asArray())) {
                textSearch[0] = true;
            } else if (key.startsWith("$")) {
                unindexable.add(key);
            } else if (value.isRegularExpression()) {
                unindexable.add(key + " regex");
            } else if (value.isDocument() && value.asDocument().keySet().stream().anyMatch(op -> op.startsWith("$"))) {
                for (String operator : value.asDocument().keySet()) {
                    switch (operator) {
                        case "$eq", "$in", "$exists" -> equality.add(key);
                        case "$gt", "$gte", "$lt", "$lte" -> range.add(key);
                        default -> unindexable.add(key + " " + operator);
                    }
                }
            } else {
                equality.add(key);
            }
        });
    }

    /** Literal text search: each alternative a case-insensitive pattern on one field. */
    private static boolean isTextSearch(BsonArray alternatives) {
        return alternatives.stream().allMatch(alternative -> alternative.asDocument().size() == 1
                && alternative.asDocument().values().iterator().next().isRegularExpression());
    }

    /**
     * Whether an index serves this query in Equality-Sort-Range order. A lookup by {@code _id} is served by the id
     * index. Otherwise the index must begin with equality fields of the query — all of them, or at least two (for the
     * case list: the caller's audience and one filter; further filters are checked on the entries that bounded scan
     * reads) — then hold the sort keys in order, all in the index's direction or all against it, then the range
     * fields. Text search is checked on the entries read; a query bounded by nothing, or with anything no index
     * serves ({@code $ne}, a pattern outside text search, {@code $where}…), is never covered.
     */
    public boolean coveredBy(List<Key> index) {
        if (!unindexable.isEmpty()) {
            return false;
        }
        if (equality.contains("_id")) {
            return true;
        }
        if (equality.isEmpty() && range.isEmpty()) {
            return false;
        }
        int bound = 0;
        while (bound < index.size() && equality.contains(index.get(bound).field())) {
            bound++;
        }
        if (bound < Math.min(equality.size(), 2)) {
            return false;
        }
        int next = bound;
        Boolean forward = null;
        for (Key key : sort) {
            if (equality.contains(key.field()) && index.stream().limit(bound).anyMatch(k -> k.field().equals(
                    key.field()))) {
                continue;
            }
            if (next >= index.size() || !index.get(next).field().equals(key.field())) {
                return false;
            }
            boolean same = index.get(next).direction() == key.direction();
            if (forward != null && forward != same) {
                return false;
            }
            forward = same;
            next++;
        }
        Set<String> ranged = new LinkedHashSet<>();
        for (int i = next; i < Math.min(index.size(), next + range.size()); i++) {
            ranged.add(index.get(i).field());
        }
        return ranged.equals(range);
    }

    /** The keys of an index as {@code listIndexes} describes it. */
    public static List<Key> keysOf(BsonDocument indexKey) {
        List<Key> keys = new ArrayList<>();
        indexKey.forEach((field, direction) -> keys.add(new Key(field, direction.asNumber().intValue())));
        return keys;
    }

    @Override
    public String toString() {
        return collection + " equality " + equality + " sort " + sort + " range " + range
                + (textSearch ? " + text search" : "") + (unindexable.isEmpty() ? "" : " unindexable " + unindexable);
    }
}
