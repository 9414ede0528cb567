package org.accord.support.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request its id before anything else sees it (security and error answers included), answers it in
 * {@code X-Request-Id}, and writes one line per request when it is answered, so operators can follow a call from the
 * gateway into the service. Probes and metric scrapes ({@code /livez}, {@code /readyz}, {@code /actuator/**}) are
 * not logged: they come every few seconds and say nothing.
 */
public class RequestCorrelation extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestCorrelation.class);

    private static final String ATTRIBUTE = RequestCorrelation.class.getName() + ".id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // an error dispatch of the same request keeps the id it was given first
        String id = request.getAttribute(ATTRIBUTE) instanceof String given ? given
                : RequestIds.keepOrCreate(request.getHeader(RequestIds.HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(RequestIds.HEADER, id);
        String previous = MDC.get(RequestIds.LOG_KEY);
        MDC.put(RequestIds.LOG_KEY, id);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getDispatcherType() == DispatcherType.REQUEST
                    && !isProbeOrScrape(request.getRequestURI())) {
                log.info("{} {} answered {} in {} ms", request.getMethod(), request.getRequestURI(),
                        response.getStatus(), (System.nanoTime() - started) / 1_000_000);
            }
            if (previous == null) {
                MDC.remove(RequestIds.LOG_KEY);
            } else {
                MDC.put(RequestIds.LOG_KEY, previous);
            }
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static boolean isProbeOrScrape(String path) {
        return path.startsWith("/actuator/") || path.equals("/livez") || path.equals("/readyz");
    }
}
