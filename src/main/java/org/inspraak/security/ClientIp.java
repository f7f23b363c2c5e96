package org.inspraak.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client's IP address, for rate limits and moderation only; it is never shown publicly. Behind a reverse
 * proxy set server.forward-headers-strategy=native so the proxy's X-Forwarded-For is trusted (see README).
 */
@Component
public class ClientIp {

    public String current() {
        HttpServletRequest request = null;
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        if (vaadin instanceof VaadinServletRequest servlet) {
            request = servlet.getHttpServletRequest();
        } else if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            request = attrs.getRequest();
        }
        if (request == null) {
            return "unknown";
        }
        String ip = request.getRemoteAddr();
        return ip == null ? "unknown" : (ip.length() > 45 ? ip.substring(0, 45) : ip);
    }
}
