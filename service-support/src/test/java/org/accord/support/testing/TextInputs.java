package org.accord.support.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import org.accord.support.id.IdKind;
import org.accord.support.text.MultiLine;
import org.accord.support.text.SingleLine;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every text a service's request bodies take, read from the running application's request mappings: the string
 * fields of each body and of the records, lists and maps inside it. A text is either one line ({@link SingleLine}) or
 * running text ({@link MultiLine}); one that is neither is reported, so a field added later cannot slip through.
 */
public final class TextInputs {

    private TextInputs() {
    }

    /** The texts of every request body of {@code mapping} that say neither what they are, as {@code Type.field}. */
    public static Set<String> undeclared(RequestMappingHandlerMapping mapping) {
        Set<String> undeclared = new TreeSet<>();
        Set<Class<?>> seen = new HashSet<>();
        for (HandlerMethod handler : mapping.getHandlerMethods().values()) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    walk(parameter.getParameterType(), seen, undeclared);
                }
            }
        }
        return undeclared;
    }

    /** The request body types of {@code mapping}, for a test to show the walk found them. */
    public static Set<String> bodies(RequestMappingHandlerMapping mapping) {
        Set<String> bodies = new TreeSet<>();
        for (HandlerMethod handler : mapping.getHandlerMethods().values()) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    bodies.add(parameter.getParameterType().getSimpleName());
                }
            }
        }
        return bodies;
    }

    private static void walk(Class<?> type, Set<Class<?>> seen, Set<String> undeclared) {
        // An id is parsed into its canonical spelling at the edge and never holds free text.
        if (!ownType(type) || type.isEnum() || IdKind.ofType(type) != null || !seen.add(type)) {
            return;
        }
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            check(type.getSimpleName() + "." + field.getName(), field.getAnnotatedType(), field, seen, undeclared);
        }
    }

    private static void check(String name, AnnotatedType annotated, AnnotatedElement declaration,
            Set<Class<?>> seen, Set<String> undeclared) {
        if (annotated.getType() == String.class) {
            if (!declares(annotated, declaration)) {
                undeclared.add(name);
            }
            return;
        }
        if (annotated instanceof AnnotatedParameterizedType parameterized) {
            AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
            for (int i = 0; i < arguments.length; i++) {
                check(name + "<" + i + ">", arguments[i], null, seen, undeclared);
            }
            return;
        }
        if (annotated.getType() instanceof Class<?> nested) {
            walk(nested, seen, undeclared);
        }
    }

    private static boolean declares(AnnotatedType type, AnnotatedElement declaration) {
        return has(type.getAnnotations()) || (declaration != null && has(declaration.getAnnotations()));
    }

    private static boolean has(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof SingleLine || annotation instanceof MultiLine) {
                return true;
            }
        }
        return false;
    }

    private static boolean ownType(Class<?> type) {
        return type.getName().startsWith("org.accord.");
    }
}
