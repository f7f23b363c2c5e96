package org.inspraak.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/** Limits login attempts per IP address and per e-mail address before Spring Security checks the password. */
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
            boolean allowed = limits.tryConsumeIp(RateLimits.Action.LOGIN, request.getRemoteAddr())
                    & limits.tryConsume(RateLimits.Action.LOGIN, "user:" + userKey);
            if (!allowed) {
                response.sendRedirect(request.getContextPath() + "/login?blocked");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
