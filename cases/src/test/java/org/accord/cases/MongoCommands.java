package org.accord.cases;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/** Every command the service sends to MongoDB, as the driver hands it over, for tests that look at the wire. */
public class MongoCommands implements CommandListener {

    private static final List<String> WRITES = List.of("insert", "update", "delete", "findAndModify");

    /** One command: its name, the collection it addresses, and the whole command document. */
    public record Command(String name, String collection, BsonDocument body) {

        public boolean isWrite() {
            return WRITES.contains(name);
        }
    }

    private final List<Command> commands = new CopyOnWriteArrayList<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonValue target = event.getCommand().get(event.getCommandName());
        commands.add(new Command(event.getCommandName(), target != null && target.isString()
                ? target.asString().getValue() : null, event.getCommand().clone()));
    }

    public void clear() {
        commands.clear();
    }

    public List<Command> on(String collection) {
        return commands.stream().filter(command -> collection.equals(command.collection())).toList();
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
