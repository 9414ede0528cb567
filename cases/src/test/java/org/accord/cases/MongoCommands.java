package org.accord.cases;

import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * The commands the service sends to MongoDB, as the driver hands them over, for tests that look at the wire: the most
 * recent ones in full, and the shape of every query since the service started.
 */
public class MongoCommands implements CommandListener {

    private static final List<String> WRITES = List.of("insert", "update", "delete", "findAndModify");
    private static final int RECENT = 1_000;

    /** One command: its name, the collection it addresses, and the whole command document. */
    public record Command(String name, String collection, BsonDocument body) {

        public boolean isWrite() {
            return WRITES.contains(name);
        }
    }

    private final Deque<Command> commands = new ConcurrentLinkedDeque<>();
    private final Map<QueryShape, String> shapes = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonValue target = event.getCommand().get(event.getCommandName());
        if (target == null || !target.isString()) {
            return;
        }
        Command command = new Command(event.getCommandName(), target.asString().getValue(),
                event.getCommand().clone());
        commands.addLast(command);
        while (commands.size() > RECENT) {
            commands.pollFirst();
        }
        QueryShape.of(command.name(), command.collection(), command.body())
                .forEach(shape -> shapes.putIfAbsent(shape, command.body().toJson()));
    }

    public void clear() {
        commands.clear();
    }

    /** The recent commands addressed to a collection. */
    public List<Command> on(String collection) {
        return commands.stream().filter(command -> collection.equals(command.collection())).toList();
    }

    /** Every query shape sent since the service started, each with one command that had it. */
    public Map<QueryShape, String> shapes() {
        return Map.copyOf(shapes);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Recording {

        @Bean
        MongoCommands mongoCommands() {
            return new MongoCommands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer recordMongoCommands(MongoCommands commands) {
            return settings -> settings.addCommandListener(commands);
        }
    }
}
