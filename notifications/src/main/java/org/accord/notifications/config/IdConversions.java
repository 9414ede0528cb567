package org.accord.notifications.config;

import java.util.List;

import org.accord.support.id.ActionId;
import org.accord.support.id.CaseId;
import org.accord.support.id.EventId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * The platform's ids are stored as the plain strings they are written as, so stored events read and query as they
 * did before they were typed.
 */
@Configuration(proxyBeanMethods = false)
class IdConversions {

    @Bean
    MongoCustomConversions idsAsStrings() {
        return new MongoCustomConversions(List.of(
                new CaseIdWritten(), new CaseIdRead(), new ActionIdWritten(), new ActionIdRead(),
                new EventIdWritten(), new EventIdRead()));
    }

    @WritingConverter
    static final class CaseIdWritten implements Converter<CaseId, String> {
        @Override
        public String convert(CaseId id) {
            return id.value();
        }
    }

    @ReadingConverter
    static final class CaseIdRead implements Converter<String, CaseId> {
        @Override
        public CaseId convert(String value) {
            return CaseId.of(value);
        }
    }

    @WritingConverter
    static final class ActionIdWritten implements Converter<ActionId, String> {
        @Override
        public String convert(ActionId id) {
            return id.value();
        }
    }

    @ReadingConverter
    static final class ActionIdRead implements Converter<String, ActionId> {
        @Override
        public ActionId convert(String value) {
            return ActionId.of(value);
        }
    }

    @WritingConverter
    static final class EventIdWritten implements Converter<EventId, String> {
        @Override
        public String convert(EventId id) {
            return id.value();
        }
    }

    @ReadingConverter
    static final class EventIdRead implements Converter<String, EventId> {
        @Override
        public EventId convert(String value) {
            return EventId.of(value);
        }
    }
}
