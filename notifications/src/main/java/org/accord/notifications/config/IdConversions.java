package org.accord.notifications.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.accord.support.id.ActionId;
import org.accord.support.id.CaseId;
import org.accord.support.id.EventId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * The platform's ids are stored as the plain strings they are written as, so stored events read and query as they
 * did before they were typed.
 */
@Configuration(proxyBeanMethods = false)
class IdConversions {

    /** Each stored id type and how it is read back: through its own check of the canonical spelling. */
    private static final Map<Class<?>, Function<String, ?>> READ = Map.of(
            CaseId.class, CaseId::of,
            ActionId.class, ActionId::of,
            EventId.class, EventId::of);

    @Bean
    MongoCustomConversions idsAsStrings() {
        return new MongoCustomConversions(List.of(new IdsAsStrings()));
    }

    /** Written as its string (an id's {@code toString} is its value), read back through the id type. */
    static final class IdsAsStrings implements GenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return READ.keySet().stream()
                    .flatMap(type -> Stream.of(new ConvertiblePair(type, String.class),
                            new ConvertiblePair(String.class, type)))
                    .collect(Collectors.toSet());
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            if (source == null) {
                return null;
            }
            return targetType.getType() == String.class ? source.toString()
                    : READ.get(targetType.getType()).apply((String) source);
        }
    }
}
