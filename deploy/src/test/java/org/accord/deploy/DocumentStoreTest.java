package org.accord.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

/**
 * What the embedded server has acknowledged is in its data file at that moment, not only in memory: a copy of the file
 * taken right after the answer, with the server still running, holds the change.
 */
class DocumentStoreTest {

    @TempDir
    Path folder;

    private DocumentStore store;
    private MongoClient client;
    private MongoCollection<Document> cases;

    @BeforeEach
    void start() throws IOException {
        store = DocumentStore.start(folder.resolve("mongo"), "127.0.0.1", freePort());
        client = MongoClients.create(store.uri("accord"));
        cases = client.getDatabase("accord").getCollection("cases");
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    @Test
    void anAcknowledgedInsertIsInTheFile() throws IOException {
        cases.insertOne(new Document("_id", "case-1").append("title", "Flooding in the delta"));

        String title = inCopyOfFile(copy -> titleOf(copy, "case-1"));
        assertThat(title).isEqualTo("Flooding in the delta");
    }

    @Test
    void acknowledgedUpdatesAndDeletesAreInTheFile() throws IOException {
        cases.insertMany(List.of(new Document("_id", "case-1").append("status", "OPEN"),
                new Document("_id", "case-2").append("status", "OPEN")));

        cases.updateOne(Filters.eq("_id", "case-1"), Updates.set("status", "CLOSED"));
        String closed = inCopyOfFile(copy -> statusOf(copy, "case-1"));
        assertThat(closed).isEqualTo("CLOSED");

        cases.findOneAndUpdate(Filters.eq("_id", "case-2"), Updates.set("status", "ARCHIVED"));
        String archived = inCopyOfFile(copy -> statusOf(copy, "case-2"));
        assertThat(archived).isEqualTo("ARCHIVED");

        cases.deleteOne(Filters.eq("_id", "case-1"));
        List<String> left = inCopyOfFile(copy -> ids(copy.getCollection("cases")));
        assertThat(left).containsExactly("case-2");
    }

    @Test
    void anAcknowledgedIndexAndDroppedCollectionAreInTheFile() throws IOException {
        cases.insertOne(new Document("_id", "case-1").append("reference", "FR-1"));

        cases.createIndex(Indexes.ascending("reference"));
        List<String> indexes = inCopyOfFile(copy -> indexNames(copy.getCollection("cases")));
        assertThat(indexes).contains("reference_1");

        cases.drop();
        List<String> collections = inCopyOfFile(copy -> copy.listCollectionNames().into(new ArrayList<>()));
        assertThat(collections).doesNotContain("cases");
    }

    @Test
    void takesTheMajorityJournaledWriteConcernProductionAsksFor() throws IOException {
        cases.withWriteConcern(WriteConcern.MAJORITY.withJournal(true))
                .insertOne(new Document("_id", "case-1").append("title", "Journaled"));

        List<String> kept = inCopyOfFile(copy -> ids(copy.getCollection("cases")));
        assertThat(kept).containsExactly("case-1");
    }

    /** Copies the running server's data file, opens the copy in a second server, and reads it there. */
    private <T> T inCopyOfFile(Function<MongoDatabase, T> read) throws IOException {
        Path copy = Files.createTempDirectory(folder, "copy");
        Files.copy(folder.resolve("mongo").resolve("accord.mv.db"), copy.resolve("accord.mv.db"));
        try (DocumentStore copied = DocumentStore.start(copy, "127.0.0.1", freePort());
                MongoClient reader = MongoClients.create(copied.uri("accord"))) {
            return read.apply(reader.getDatabase("accord"));
        }
    }

    private static String titleOf(MongoDatabase database, String id) {
        Document found = database.getCollection("cases").find(Filters.eq("_id", id)).first();
        return found == null ? null : found.getString("title");
    }

    private static String statusOf(MongoDatabase database, String id) {
        Document found = database.getCollection("cases").find(Filters.eq("_id", id)).first();
        return found == null ? null : found.getString("status");
    }

    private static List<String> ids(MongoCollection<Document> collection) {
        return collection.find().map(found -> found.getString("_id")).into(new ArrayList<>());
    }

    private static List<String> indexNames(MongoCollection<Document> collection) {
        return collection.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
