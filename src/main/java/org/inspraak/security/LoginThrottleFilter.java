package org.inspraak.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits login attempts before Spring Security checks the password: per source address, and per account from that
 * source. An attacker who guesses someone's password locks only their own attempts at that account, never the
 * owner signing in from elsewhere; a flood from one address stops at the address limit without creating a key per
 * made-up name.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final RateLimits limits;

    LoginThrottleFilter(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            String user = request.getParameter("username");
            String userKey = user == null ? "" : user.trim().toLowerCase(Locale.ROOT);
            String source = request.getRemoteAddr();
            boolean allowed = limits.tryConsumeIp(RateLimits.Action.LOGIN, source)
                    && limits.tryConsume(RateLimits.Action.LOGIN, "user:" + userKey + "@" + source);
            if (!allowed) {
                response.sendRedirect(request.getContextPath() + "/login?blocked");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
