package org.inspraak.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.inspraak.account.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Deny by default: every Vaadin view needs {@code @AnonymousAllowed} or {@code @RolesAllowed}, and
 * services check roles again with {@code @Secured} or {@link CurrentUser}, so a hidden button is never the
 * only guard.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(securedEnabled = true, jsr250Enabled = true)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RateLimits limits) throws Exception {
        http.addFilterBefore(new LoginThrottleFilter(limits), UsernamePasswordAuthenticationFilter.class);
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/images/**", "/styles/**", "/favicon.ico").permitAll());
        // Every page is a Vaadin view, and Vaadin's navigation access control denies any view without an
        // explicit annotation. Letting the HTTP layer pass other paths to Vaadin means an unknown address
        // gets the real 404 page instead of a login redirect. Non-view endpoints must be secured here.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/")
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::permitAll));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating encoder: bcrypt today, and stored hashes name their algorithm so it can be upgraded later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
