package org.accord.gateway.webclient;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web client routes in the browser, so each of its addresses answers the same page: a reload or a link from an
 * e-mail or a webhook ({@code /cases/{id}}, {@code /tasks/{id}}) opens the app at that place.
 */
@RestController
class WebClientPagesController {

    private static final Resource APP = new ClassPathResource("static/index.html");

    @GetMapping(path = { WebClientPages.CASES, WebClientPages.CASE, WebClientPages.TASK, WebClientPages.INBOX,
            WebClientPages.PARTNERS, WebClientPages.PARTNER }, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Resource> app() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .contentType(MediaType.TEXT_HTML)
                .body(APP);
    }
}
