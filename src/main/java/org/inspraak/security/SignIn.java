package org.inspraak.security;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a person in from a page, as the login form would: a fresh session id (no session fixation) and the
 * security context stored in the session. Used once a confirmation link has proved the person's address; the
 * caller reloads the page so every part of it sees the signed-in person.
 */
@Component
public class SignIn {

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    public void signIn(InspraakUser user) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request == null || response == null) {
            throw new IllegalStateException("Signing in needs the HTTP request of a page");
        }
        HttpServletRequest http = request.getHttpServletRequest();
        if (http.getSession(false) != null) {
            http.changeSessionId();
        }
        SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = strategy.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        strategy.setContext(context);
        repository.saveContext(context, http, response.getHttpServletResponse());
    }
}
