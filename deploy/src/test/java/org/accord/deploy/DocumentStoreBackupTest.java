package org.accord.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipOutputStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * The embedded store copies itself while a client keeps writing to it: the copy, opened as a store of its own, holds
 * every document whose insert was acknowledged before the copy was asked for.
 */
class DocumentStoreBackupTest {

    @TempDir
    Path folder;

    @Test
    void aCopyTakenWhileWritesGoOnHoldsEveryWriteAcknowledgedBefore() throws Exception {
        Set<Integer> before;
        Path copy = folder.resolve("copy").resolve(DocumentStore.FILE);
        try (DocumentStore store = DocumentStore.start(folder.resolve("store"), "127.0.0.1", freePort());
                MongoClient client = MongoClients.create(store.uri("cases"))) {
            MongoCollection<Document> cases = client.getDatabase("cases").getCollection("cases");
            Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean stopped = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    for (int n = writer; !stopped.get(); n += 3) {
                        cases.insertOne(new Document("_id", n).append("title", "Case " + n));
                        acknowledged.add(n);
                    }
                });
                thread.start();
                writers.add(thread);
            }
            while (acknowledged.size() < 500) {
                Thread.sleep(10);
            }
            before = new HashSet<>(acknowledged);
            Path zip = folder.resolve("copy.zip");
            try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
                store.copyTo(archive);
            }
            stopped.set(true);
            for (Thread thread : writers) {
                thread.join();
            }
            BackupArchive.unpackSingle(zip, copy);
        }

        try (DocumentStore restored = DocumentStore.start(copy.getParent(), "127.0.0.1", freePort());
                MongoClient client = MongoClients.create(restored.uri("cases"))) {
            Set<Integer> kept = new HashSet<>();
            client.getDatabase("cases").getCollection("cases").find()
                    .forEach(document -> kept.add(document.getInteger("_id")));
            assertThat(kept).containsAll(before);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
