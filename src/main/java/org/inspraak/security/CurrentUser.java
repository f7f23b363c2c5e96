package org.inspraak.security;

import java.util.Optional;

import org.inspraak.InspraakException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is acting, for services that enforce rules themselves rather than trusting the view. */
@Component
public class CurrentUser {

    public Optional<InspraakUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof InspraakUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The signed-in user, or a "please log in" rule violation. */
    public InspraakUser require() {
        return get().orElseThrow(() -> new InspraakException("error.login-required"));
    }

    public InspraakUser require(Role role) {
        InspraakUser user = require();
        if (!user.has(role)) {
            throw new InspraakException("error.forbidden");
        }
        return user;
    }

    public InspraakUser requireStaff() {
        InspraakUser user = require();
        if (!user.isStaff()) {
            throw new InspraakException("error.forbidden");
        }
        return user;
    }

    public boolean has(Role role) {
        return get().map(u -> u.has(role)).orElse(false);
    }
}
