package org.accord.support.token;

import java.net.http.HttpClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The service's own client-credentials token, for the calls it makes on nobody's behalf: the interceptor
 * {@code serviceToken} puts it on a {@code RestClient}'s requests, signs in with the client registration
 * {@value #REGISTRATION} when no token is held or the held one expires within {@code accord.service-token.renew-before},
 * and drops a token a called service refused (401), so the next call signs in afresh.
 */
@AutoConfiguration(afterName = "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration")
@ConditionalOnBean({ ClientRegistrationRepository.class, OAuth2AuthorizedClientService.class })
@EnableConfigurationProperties(ServiceTokenProperties.class)
public class ServiceTokenAutoConfiguration {

    /** The registration of the service's own client in {@code spring.security.oauth2.client.registration}. */
    public static final String REGISTRATION = "service";

    @Bean
    public AuthorizedClientServiceOAuth2AuthorizedClientManager serviceTokens(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService tokens, ServiceTokenProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(properties.responseTimeout());
        RestClientClientCredentialsTokenResponseClient realm = new RestClientClientCredentialsTokenResponseClient();
        realm.setRestClient(RestClient.builder().requestFactory(requests)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        ClientCredentialsOAuth2AuthorizedClientProvider clientCredentials =
                new ClientCredentialsOAuth2AuthorizedClientProvider();
        clientCredentials.setAccessTokenResponseClient(realm);
        clientCredentials.setClockSkew(properties.renewBefore());
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, tokens);
        manager.setAuthorizedClientProvider(clientCredentials);
        return manager;
    }

    @Bean
    public OAuth2ClientHttpRequestInterceptor serviceToken(AuthorizedClientServiceOAuth2AuthorizedClientManager serviceTokens,
            OAuth2AuthorizedClientService tokens) {
        OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(serviceTokens);
        interceptor.setClientRegistrationIdResolver(request -> REGISTRATION);
        // One token for the whole service, never tied to the user whose request is being served.
        interceptor.setPrincipalResolver(request -> null);
        interceptor.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(tokens));
        return interceptor;
    }
}
