package org.inspraak.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.DoubleSupplier;

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
 * Admission at overload. Every request needs one of a few work slots, matched to the processors: two cores work
 * through a handful of requests at a time, and letting more in only makes all of them slower. A request of an open
 * page (a live session: votes, reactions, navigation) waits a bounded time for a slot; a new visitor gets in only
 * while no open page is waiting on a busy node, and waits less. So past capacity the residents already taking part keep being
 * served, and a rush of newcomers from a social-media post gets a short "busy" page with Retry-After instead of
 * everyone timing out. A request that finds no slot is refused before any work starts, so it changed nothing; an
 * open page gets a 503, which Vaadin's client answers by sending the same message again.
 *
 * <p>Resources that cost nothing (static files, health checks) and long-lived Push connections, which would hold a
 * slot for their whole life, are never counted.
 */
public final class Admission extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(Admission.class);

    /** Fair, so that waiting requests are served in their order of arrival. */
    private final Semaphore slots;

    private final Semaphore visitorSlots;
    private final AtomicInteger openPagesWaiting = new AtomicInteger();
    private final long sessionWaitNanos;
    private final long visitorWaitNanos;
    private final long busyAfterNanos;
    private final long busyForNanos;
    /** Until when newcomers are sent away ({@link System#nanoTime()}), after an open page waited long. */
    private volatile long busyUntil = System.nanoTime();

    /**
     * Share of the recent page messages that took longer than {@code busyAfter} from arrival to answer (an
     * exponentially weighted average over about the last {@code 1 / SHARE_WEIGHT}). Waiting for a slot is not the
     * only sign of overload: Push updates to open pages are sent outside the slots, and once the residents taking
     * part keep both cores busy with them, requests got slow inside their slot while hardly waiting for one. The
     * load test showed it: with 953 residents in, p95 1.2 s with the door open. A slow share shuts the door only
     * while the node keeps the processors busy ({@link #BUSY_CPU}), so a slow export on a quiet evening shuts none. (It used
     * to count only requests that found every slot taken; with Push doing much of the work outside the slots that
     * let 1,582 of 2,000 arriving residents in at p95 0.8 s.)
     */
    private double slowShare;

    static final double SHARE_WEIGHT = 0.01;
    static final double SLOW_SHARE_LIMIT = 0.05;

    /**
     * Slow messages shut the door only while this node keeps the processors this busy (its own share of all of
     * them). The load test showed why: on a node that had just started, the first messages of a rush of arrivals
     * were slow while the cores were mostly idle (new code paths, a cold cache), and the door then turned away 728 of
     * 800 arriving residents at a load average below 1. Slow messages while the node itself is not busy are no
     * overload, and refusing newcomers would not make them faster. The node's own share, not the machine's: with a
     * browser running beside the node in the tests, the machine was busy and a test's sign-in page was refused.
     *
     * <p>The same holds for pages waiting for a slot: requests also wait on the disk (a vote's commit), not only on the
     * processors, so a few wait now and then on a node with cores to spare. At 0.6, and with any waiting page
     * shutting the door, the load test turned 2,000 arriving residents away until 1,419 were in, who were served at
     * p95 119 ms with the node using 53 % of the processors (a third of the refusals for pages waiting, most of the
     * rest for short slow spells).
     */
    static final double BUSY_CPU = 0.75;

    private final DoubleSupplier cpuLoad;

    private final Messages messages;
    private final AtomicLong refused = new AtomicLong();

    /** Why a request was refused: counted for the log, where an operator (or the load test) sees what shuts the door. */
    enum Refusal {
        /** An open page found no slot within {@code session-wait}. */
        OPEN_PAGE_NO_SLOT,
        /** A newcomer arrived while open pages were waiting for a slot. */
        PAGES_WAITING,
        /** A newcomer arrived while the door was shut after slow messages or a long wait. */
        RECENTLY_SLOW,
        /** A newcomer arrived while the other newcomers already held their share of the slots. */
        NEWCOMERS_AT_ONCE,
        /** A newcomer found no slot within {@code visitor-wait}. */
        NEWCOMER_NO_SLOT
    }

    private final AtomicLongArray refusedFor = new AtomicLongArray(Refusal.values().length);

    public Admission(InspraakProperties.Admission settings, Messages messages) {
        this(settings, messages, new CpuLoad());
    }

    /** With the processors' recent load (0 to 1) from {@code cpuLoad}, for tests. */
    Admission(InspraakProperties.Admission settings, Messages messages, DoubleSupplier cpuLoad) {
        this.cpuLoad = cpuLoad;
        this.slots = new Semaphore(settings.effectiveSlots(), true);
        this.visitorSlots = new Semaphore(settings.effectiveVisitorSlots());
        this.sessionWaitNanos = settings.sessionWait().toNanos();
        this.visitorWaitNanos = settings.visitorWait().toNanos();
        this.busyAfterNanos = settings.busyAfter().toNanos();
        this.busyForNanos = settings.busyFor().toNanos();
        this.messages = messages;
        log.info(
                "Admission: {} request slots, at most {} for new visitors",
                settings.effectiveSlots(),
                settings.effectiveVisitorSlots());
    }

    /** Requests refused since the start, for the load report and the log. */
    public long refused() {
        return refused.get();
    }

    /** Requests of open pages waiting for a slot right now. */
    int openPagesWaiting() {
        return openPagesWaiting.get();
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
        long arrived = System.nanoTime();
        boolean openPage = isOpenPage(request);
        Refusal refusal;
        try {
            refusal = openPage ? (admitOpenPage() ? null : Refusal.OPEN_PAGE_NO_SLOT) : admitVisitor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refusal = openPage ? Refusal.OPEN_PAGE_NO_SLOT : Refusal.NEWCOMER_NO_SLOT;
        }
        if (refusal != null) {
            refuse(request, response, openPage, refusal);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            slots.release();
            if (!openPage) {
                visitorSlots.release();
            }
        }
        if (openPage && isPageMessage(request)) {
            noteOpenPage(System.nanoTime() - arrived);
        }
    }

    private void noteOpenPage(long tookNanos) {
        boolean overloaded;
        synchronized (this) {
            double slow = tookNanos > busyAfterNanos ? 1 : 0;
            slowShare += (slow - slowShare) * SHARE_WEIGHT;
            overloaded = slowShare > SLOW_SHARE_LIMIT;
        }
        if (overloaded && cpuLoad.getAsDouble() >= BUSY_CPU) {
            busyUntil = System.nanoTime() + busyForNanos;
        }
    }

    /**
     * A message of a page already shown ({@code v-r=uidl}): what residents taking part wait for. A page's first
     * request ({@code v-r=init}, which builds the view) is left out of the share of slow messages: in a rush those
     * are the arrivals' own, and counting them let a rush shut the door on itself.
     */
    static boolean isPageMessage(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && (query.startsWith("v-r=uidl") || query.contains("&v-r=uidl"));
    }

    /** This process's recent share of the processors, read at most every half second (reading it parses /proc). */
    static final class CpuLoad implements DoubleSupplier {
        private final com.sun.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getPlatformMXBean(
                        com.sun.management.OperatingSystemMXBean.class);
        private volatile long readAt = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
        private volatile double load;

        @Override
        public double getAsDouble() {
            long now = System.nanoTime();
            if (now - readAt > TimeUnit.MILLISECONDS.toNanos(500)) {
                readAt = now;
                double read = os.getProcessCpuLoad();
                load = read < 0 ? 1 : read; // not available: assume busy, as before this check
            }
            return load;
        }
    }

    /**
     * A request of a page already open in the browser: Vaadin's messages (votes, clicks, navigation inside the
     * app) carry {@code v-r}, and a form sent from an open page is a POST. A full page load (someone arriving, or
     * reloading) asks for HTML without {@code v-r} and waits at the door like any newcomer, even with a session.
     */
    static boolean isOpenPage(HttpServletRequest request) {
        if (request.getSession(false) == null) {
            return false;
        }
        if (!"GET".equals(request.getMethod())) {
            return true;
        }
        String query = request.getQueryString();
        if (query != null && (query.startsWith("v-r=") || query.contains("&v-r="))) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept == null || !accept.contains("text/html");
    }

    private boolean admitOpenPage() throws InterruptedException {
        if (slots.tryAcquire(0, TimeUnit.NANOSECONDS)) { // unlike tryAcquire(), never overtakes those waiting
            return true;
        }
        long start = System.nanoTime();
        openPagesWaiting.incrementAndGet();
        try {
            return slots.tryAcquire(sessionWaitNanos, TimeUnit.NANOSECONDS);
        } finally {
            openPagesWaiting.decrementAndGet();
            long waited = System.nanoTime() - start;
            if (waited > busyAfterNanos && cpuLoad.getAsDouble() >= BUSY_CPU) {
                busyUntil = System.nanoTime() + busyForNanos;
            }
        }
    }

    /**
     * A newcomer is let in only while the residents already here are not kept waiting on a busy node: nobody waits for
     * a slot now, and none waited long in the last moments. The second keeps the door shut between two waits, when a
     * slot is free for an instant although the node is past its capacity. On a node with processors to spare a
     * newcomer queues for a slot like everyone else, for at most {@code visitor-wait}.
     */
    private Refusal admitVisitor() throws InterruptedException {
        if (openPagesWaiting.get() > 0 && cpuLoad.getAsDouble() >= BUSY_CPU) {
            return Refusal.PAGES_WAITING;
        }
        if (System.nanoTime() - busyUntil < 0) {
            return Refusal.RECENTLY_SLOW;
        }
        if (!visitorSlots.tryAcquire()) {
            return Refusal.NEWCOMERS_AT_ONCE;
        }
        if (slots.tryAcquire(visitorWaitNanos, TimeUnit.NANOSECONDS)) {
            return null;
        }
        visitorSlots.release();
        return Refusal.NEWCOMER_NO_SLOT;
    }

    /** Requests refused since the start, by reason. */
    Map<Refusal, Long> refusedFor() {
        Map<Refusal, Long> out = new EnumMap<>(Refusal.class);
        for (Refusal r : Refusal.values()) {
            out.put(r, refusedFor.get(r.ordinal()));
        }
        return out;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, boolean openPage, Refusal why)
            throws IOException {
        long n = refused.incrementAndGet();
        refusedFor.incrementAndGet(why.ordinal());
        if (n == 1 || n % 1000 == 0) {
            log.warn(
                    "Overloaded: {} request(s) refused so far (this one from {}); by reason: {}",
                    n,
                    openPage ? "an open page" : "a new visitor",
                    refusedFor());
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
