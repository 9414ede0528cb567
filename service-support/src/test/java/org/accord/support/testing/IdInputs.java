package org.accord.support.testing;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.accord.support.id.IdKind;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.validation.constraints.Pattern;

/**
 * Every place a service's own request mappings take an id: path variables, query parameters and top-level fields of
 * request bodies that are of an id type or named like an id. Read from the running application, so an endpoint
 * added later is found without being listed anywhere; one that takes an id as a plain string is refused outright.
 */
public final class IdInputs {

    /** Where an id is given. */
    public enum Place { PATH, QUERY, BODY }

    /** One id input: {@code key()} reads like {@code PATCH /api/cases/{id} PATH id}. */
    public record IdInput(String method, String pattern, Place place, String name) {
        public String key() {
            return method + " " + pattern + " " + place + " " + name;
        }
    }

    private IdInputs() {
    }

    /**
     * The id inputs of every handler of {@code mapping}, sorted by key, except those whose key starts with one of
     * {@code elsewhere} (covered by a test of their own).
     */
    public static List<String> of(RequestMappingHandlerMapping mapping, String... elsewhere) {
        TreeSet<String> keys = new TreeSet<>();
        List<String> raw = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = handler.getKey();
            for (String pattern : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    for (MethodParameter parameter : handler.getValue().getMethodParameters()) {
                        for (IdInput input : inputsOf(method.name(), pattern, parameter, raw)) {
                            keys.add(input.key());
                        }
                        raw.removeIf(key -> startsWithAny(key, elsewhere));
                    }
                }
            }
        }
        if (!raw.isEmpty()) {
            throw new AssertionError("These take an id as a plain string instead of an id type (CaseId, ActionId, "
                    + "…) or a string held to the canonical format: " + raw);
        }
        return keys.stream().filter(key -> !startsWithAny(key, elsewhere)).toList();
    }

    private static boolean startsWithAny(String key, String... prefixes) {
        for (String prefix : prefixes) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<IdInput> inputsOf(String method, String pattern, MethodParameter parameter,
            List<String> raw) {
        List<IdInput> inputs = new ArrayList<>();
        Class<?> type = parameter.getParameterType();
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (path != null || query != null) {
            String name = nameOf(path != null ? path.value() : query.value(), parameter);
            if (isId(type) || namedLikeAnId(name)) {
                IdInput input = new IdInput(method, pattern, path != null ? Place.PATH : Place.QUERY, name);
                inputs.add(input);
                if (type == String.class) {
                    raw.add(input.key());
                }
            }
        }
        if (parameter.hasParameterAnnotation(RequestBody.class) && type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (isId(component.getType()) || namedLikeAnId(component.getName())) {
                    IdInput input = new IdInput(method, pattern, Place.BODY, component.getName());
                    inputs.add(input);
                    if (component.getType() == String.class && !heldToCanonicalFormat(component)) {
                        raw.add(input.key());
                    }
                }
            }
        }
        return inputs;
    }

    private static String nameOf(String declared, MethodParameter parameter) {
        return declared.isEmpty() ? parameter.getParameterName() : declared;
    }

    private static boolean isId(Class<?> type) {
        return IdKind.ofType(type) != null;
    }

    private static boolean namedLikeAnId(String name) {
        return name != null && (name.equals("id") || name.endsWith("Id") || name.toLowerCase(Locale.ROOT)
                .endsWith("_id"));
    }

    private static boolean heldToCanonicalFormat(RecordComponent component) {
        Pattern pattern = component.getAccessor().getAnnotation(Pattern.class);
        if (pattern == null) {
            pattern = component.getAnnotation(Pattern.class);
        }
        return pattern != null && (pattern.regexp().equals(IdKind.Format.OBJECT_ID)
                || pattern.regexp().equals(IdKind.Format.UUID));
    }
}
