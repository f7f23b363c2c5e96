package org.inspraak.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Deny by default: every Vaadin view needs {@code @AnonymousAllowed} or {@code @RolesAllowed}, and
 * services check roles again with {@code @Secured} or {@link CurrentUser}, so a hidden button is never the
 * only guard.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(securedEnabled = true, jsr250Enabled = true)
class SecurityConfig {

    /**
     * Every response: scripts only from this origin. Vaadin runs the JavaScript the server sends with
     * {@code new Function}, hence {@code 'unsafe-eval'}; its components set inline styles, hence styles stay open.
     */
    static String contentSecurityPolicy() {
        return policy("'self' 'unsafe-eval'");
    }

    /** The map's tile server, the one other origin images may come from (none when tiles come from this site). */
    private static volatile String tileOrigin = "";

    @Value("${inspraak.map.tile-url:}")
    void setTileUrl(String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(https?://[A-Za-z0-9.-]+(:\\d+)?)/")
                .matcher(url);
        tileOrigin = m.find() ? " " + m.group(1) : "";
    }

    /** The Vaadin page shell: its own inline scripts carry this nonce ({@link ScriptNonces}); no other inline script. */
    static String shellPolicy(String nonce) {
        return policy("'self' 'nonce-" + nonce + "' 'unsafe-eval'");
    }

    private static String policy(String scriptSources) {
        return "default-src 'self'; script-src " + scriptSources + "; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:" + tileOrigin
                + "; font-src 'self' data:; "
                + "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
    }

    @Bean
    // The command-line modes (Polis import) run without a web server and so without a filter chain.
    @ConditionalOnWebApplication
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, RateLimits limits, LoginPage loginPage, RequestUtil requestUtil) throws Exception {
        http.addFilterBefore(new LoginThrottleFilter(limits), UsernamePasswordAuthenticationFilter.class);
        // Locked to this origin, no framing; Vaadin's page shell gets a per-response nonce for its inline scripts.
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy()))
                .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(f -> f.deny())
                // Vaadin commits its responses in a way the lazy header writer misses: write headers up front.
                .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        // Vaadin's own requests carry Vaadin's CSRF token; everything else, including the login form and /logout,
        // needs Spring Security's. Vaadin would also exempt the login page, which allows login CSRF.
        // RFC 8058 one-click unsubscribe comes from mail clients without a session: the random token is the proof.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(
                requestUtil::isFrameworkInternalRequest,
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/mail/afmelden/*")));
        http.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        http.authorizeHttpRequests(auth ->
                auth.requestMatchers("/images/**", "/styles/**", "/favicon.ico").permitAll());
        // Every page is a Vaadin view, and Vaadin's navigation access control denies any view without an
        // explicit annotation. Letting the HTTP layer pass other paths to Vaadin means an unknown address
        // gets the real 404 page instead of a login redirect. Non-view endpoints must be secured here.
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.loginView(loginPage.view(), "/")
                        .enableCsrfConfiguration(false)
                        .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::permitAll));
        return http.build();
    }

    /**
     * The embeddable widget and the Atom feeds: read-only, no session, no sign-in. The widget may be framed by the
     * sites in {@code inspraak.embed.frame-ancestors} (by default any site: it has no actions to hijack, and every
     * link opens Inspraak in a new tab); nothing else of Inspraak can be framed.
     */
    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain publicReadOnlyChain(
            HttpSecurity http, @Value("${inspraak.embed.frame-ancestors:*}") String frameAncestors) throws Exception {
        http.securityMatcher("/inbedden/**", "/feeds/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.frameOptions(f -> f.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                                        + "frame-ancestors " + frameAncestors.replaceAll("[;,\\r\\n]", " ")
                                        + "; base-uri 'none'; form-action 'none'"))
                        .referrerPolicy(r ->
                                r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    /**
     * Liveness and readiness for a load balancer or orchestrator: status only (UP or DOWN), no details, no session.
     * Nothing else of the actuator is exposed.
     */
    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain healthChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/health", "/actuator/health/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** Vaadin's navigation access control without a service lookup per page (see {@link NavigationAccess}). */
    @Bean
    static BeanPostProcessor navigationAccessWithoutLookup(BeanFactory beans) {
        return NavigationAccess.replacing(beans);
    }

    /**
     * No Micrometer observations of every security filter, authorisation and authentication: nothing here collects
     * them (the actuator serves health only), and wrapping each of the chain's filters in an observation was about
     * 4 % of the node's work with many residents at once.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating encoder: bcrypt today, and stored hashes name their algorithm so it can be upgraded later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
