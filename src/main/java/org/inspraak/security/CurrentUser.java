package org.inspraak.security;

import java.util.Optional;

import org.inspraak.InspraakException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** Who is acting, for services that enforce rules themselves rather than trusting the view. */
@Component
public class CurrentUser {

    private final ObjectProvider<SecurityContextHolderStrategy> strategy;

    CurrentUser(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.strategy = strategy;
    }

    /** The strategy method security uses too (Vaadin installs a session-aware one). */
    public SecurityContextHolderStrategy strategy() {
        // Asked for on every service call; looking the bean up each time was 1 % of the server's work under load.
        SecurityContextHolderStrategy found = resolved;
        if (found == null) {
            SecurityContextHolderStrategy bean = strategy.getIfAvailable();
            if (bean == null) {
                return SecurityContextHolder.getContextHolderStrategy();
            }
            resolved = found = bean;
        }
        return found;
    }

    private volatile @Nullable SecurityContextHolderStrategy resolved;

    /** Runs an action as the given user, e.g. staff actions while seeding demo data. */
    public void runAs(InspraakUser user, Runnable action) {
        SecurityContextHolderStrategy holder = strategy();
        SecurityContext previous = holder.getContext();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        holder.setContext(context);
        try {
            action.run();
        } finally {
            holder.setContext(previous);
        }
    }

    public Optional<InspraakUser> get() {
        Authentication auth = strategy().getContext().getAuthentication();
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
