package org.accord.identity;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets an internal endpoint take the verified platform client calling it as an {@link InternalCaller} parameter. */
final class InternalCallerArgumentResolver implements HandlerMethodArgumentResolver {

    private final AllianceTokens tokens;

    InternalCallerArgumentResolver(AllianceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return InternalCaller.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return AllianceTokens.tokenOf(SecurityContextHolder.getContext().getAuthentication())
                .flatMap(tokens::internalCaller)
                .orElseThrow(() -> new IllegalStateException("no platform client's token behind this request"));
    }
}
