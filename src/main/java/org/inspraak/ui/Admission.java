package org.inspraak.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.inspraak.InspraakProperties;
import org.inspraak.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Admission at overload. Each request needs a slot to be worked on; when all are taken it waits a bounded time,
 * and past that it is refused before any work starts, so a refused request has changed nothing. Open pages (a
 * live session: votes, reactions, navigation) and new visitors draw on separate pools, so a rush of newcomers
 * from a social-media post cannot starve the residents already taking part. A newcomer who finds no slot gets a
 * short "busy" page with Retry-After instead of a long timeout; an open page gets a 503, which Vaadin's client
 * answers by showing that it reconnects and sending the same request again.
 *
 * <p>Resources that cost nothing (static files, health checks) and long-lived Push connections, which would hold a
 * slot for their whole life, are never counted.
 */
public final class Admission extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(Admission.class);

    private final Bulkhead sessions;
    private final Bulkhead visitors;
    private final Messages messages;
    private final AtomicLong refused = new AtomicLong();

    public Admission(InspraakProperties.Admission settings, Messages messages) {
        this.sessions = pool("sessions", settings.sessionSlots(), settings.sessionWait());
        this.visitors = pool("visitors", settings.visitorSlots(), settings.visitorWait());
        this.messages = messages;
    }

    private static Bulkhead pool(String name, int slots, java.time.Duration wait) {
        return Bulkhead.of(
                name,
                BulkheadConfig.custom()
                        .maxConcurrentCalls(slots)
                        .maxWaitDuration(wait)
                        .build());
    }

    /** Requests refused since the start, for the load report and the log. */
    public long refused() {
        return refused.get();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/VAADIN/push")
                || path.startsWith("/VAADIN/static/")
                || path.startsWith("/VAADIN/build/")
                || path.startsWith("/images/")
                || path.startsWith("/styles/")
                || path.startsWith("/actuator/health")
                || path.equals("/favicon.ico");
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean openPage = request.getSession(false) != null;
        Bulkhead pool = openPage ? sessions : visitors;
        if (!pool.tryAcquirePermission()) {
            refuse(request, response, openPage);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            pool.onComplete();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, boolean openPage) throws IOException {
        long n = refused.incrementAndGet();
        if (n == 1 || n % 1000 == 0) {
            log.warn(
                    "Overloaded: {} request(s) refused so far (this one from {})",
                    n,
                    openPage ? "an open page" : "a new visitor");
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "30");
        response.setHeader("Cache-Control", "no-store");
        if (openPage) {
            return; // Vaadin's client retries; a page body would be read by nobody
        }
        Locale locale =
                request.getLocale() != null && request.getLocale().getLanguage().equals("en")
                        ? Messages.ENGLISH
                        : Messages.DUTCH;
        String title = HtmlUtils.htmlEscape(messages.get(locale, "busy.title"));
        String page = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;"
                + "line-height:1.5;color:#222}h1{font-size:1.5rem}a{color:#1f5c99}"
                + "</style></head><body><h1>" + title + "</h1><p>"
                + HtmlUtils.htmlEscape(messages.get(locale, "busy.text")) + "</p><p><a href=\""
                + HtmlUtils.htmlEscape(request.getRequestURI()) + "\">"
                + HtmlUtils.htmlEscape(messages.get(locale, "busy.retry")) + "</a></p></body></html>";
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }
}
