package org.accord.gateway.login;

import java.util.Comparator;
import java.util.Locale;

import org.accord.gateway.webclient.GatewayPages;
import org.accord.identity.CountryRegistry;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;

/** The sign-in page: one link per member government, each starting the login at that government's provider. */
@RestController
class LoginPageController {

    private final CountryRegistry registry;

    LoginPageController(CountryRegistry registry) {
        this.registry = registry;
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String loginPage(ServerWebExchange exchange) {
        StringBuilder links = new StringBuilder();
        registry.members().stream()
                .sorted(Comparator.comparing(this::name))
                .forEach(country -> links.append("      <li><a href=\"/login/")
                        .append(country.toLowerCase(Locale.ROOT)).append("\">")
                        .append(HtmlUtils.htmlEscape(name(country))).append("</a></li>\n"));
        boolean failed = exchange.getRequest().getQueryParams().containsKey("error");
        return GatewayPages.page("Sign in", """
                  <main class="sign-in">
                    <p class="brand">Accord</p>
                    <h1>Sign in with your government</h1>
                %s    <p>Choose your government. You sign in with its own identity service; Accord never sees \
                your password.</p>
                    <ul class="countries">
                %s    </ul>
                  </main>
                """.formatted(failed
                        ? "    <p class=\"error\" role=\"alert\">Sign-in did not complete. Please try again.</p>\n"
                        : "", links));
    }

    private String name(String country) {
        return registry.name(country).orElse(country);
    }
}
