package org.accord.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.slf4j.MDC;

/**
 * 401 and 403 as {@code application/problem+json}, keeping the {@code WWW-Authenticate} header the bearer-token
 * specification asks for.
 */
final class ServletProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        bearerEntryPoint.commence(request, response, exception);
        write(response, SecurityProblem.UNAUTHENTICATED, request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        bearerDenied.handle(request, response, exception);
        write(response, SecurityProblem.FORBIDDEN, request.getRequestURI());
    }

    private static void write(HttpServletResponse response, ProblemKind problem, String instance)
            throws IOException {
        response.setStatus(problem.status());
        response.setContentType("application/problem+json");
        // the services keep the request's id in the log context under this key
        response.getOutputStream().write(problem.json(instance, MDC.get("requestId")));
    }
}
