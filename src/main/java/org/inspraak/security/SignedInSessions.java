package org.inspraak.security;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The live HTTP sessions of this node, so that a new password can end the sessions signed in with the old one. Spring
 * Boot registers this bean as a session listener. A Vaadin page talks over its push connection without new HTTP
 * requests, so an expiry checked by a request filter would miss it: the session itself is invalidated.
 */
@Component
public class SignedInSessions implements HttpSessionListener {

    private final Set<HttpSession> live = ConcurrentHashMap.newKeySet();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        live.add(event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        live.remove(event.getSession());
    }

    /** How many sessions are signed in as this person. */
    public long count(long userId) {
        return live.stream().filter(s -> signedInAs(s, userId)).count();
    }

    /** Ends every session signed in as this person except the one making this request; returns how many. */
    public int endAllOtherSessionsOf(long userId) {
        String keep = currentSessionId();
        int ended = 0;
        for (HttpSession session : live) {
            if (!session.getId().equals(keep) && signedInAs(session, userId)) {
                try {
                    session.invalidate();
                    ended++;
                } catch (IllegalStateException alreadyInvalid) {
                    live.remove(session);
                }
            }
        }
        return ended;
    }

    private static boolean signedInAs(HttpSession session, long userId) {
        try {
            return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                            instanceof SecurityContext context
                    && context.getAuthentication() instanceof Authentication auth
                    && auth.getPrincipal() instanceof InspraakUser user
                    && user.id() == userId;
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }

    private static @Nullable String currentSessionId() {
        VaadinSession vaadin = VaadinSession.getCurrent();
        return vaadin == null || vaadin.getSession() == null
                ? null
                : vaadin.getSession().getId();
    }
}
