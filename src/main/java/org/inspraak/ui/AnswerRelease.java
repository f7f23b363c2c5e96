package org.inspraak.ui;

import java.lang.ref.WeakReference;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinRequestInterceptor;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.PreDestroy;
import org.inspraak.InspraakProperties;
import org.springframework.stereotype.Component;

/**
 * Lets go of the copy Vaadin keeps of the last answer sent to each open page, once it can no longer be needed.
 *
 * <p>Flow stores every UIDL answer as a string on its UI ({@code UIInternals.lastRequestResponse}) so that a browser
 * that lost the answer on the way can send its message again and get the same answer, instead of having it carried
 * out twice. Right after a page is shown that string is the whole rendered view, 50-60 thousand characters, kept
 * until the page's next message: on a page a resident reads for minutes, it was about a third of their session's
 * heap. A browser retries within seconds (Vaadin's client waits 5 s between attempts), so after
 * {@code inspraak.sessions.answer-kept} the copy is replaced by Flow's own "reload the page" answer, the answer Flow
 * gives itself when it cannot resynchronise. A message sent again after that reloads the page, which then shows
 * what was stored: the message itself was carried out the first time, so nothing is lost or done twice.
 */
@Component
class AnswerRelease implements VaadinServiceInitListener {

    /** Flow's own answer that makes the browser reload the page ({@code UidlRequestHandler.writeRefresh}). */
    static final String RELOAD = VaadinService.createCriticalNotificationJSON(null, null, null, null);

    private final long keptMillis;
    private final ScheduledExecutorService timer;

    AnswerRelease(InspraakProperties properties) {
        this.keptMillis = properties.sessions().answerKept().toMillis();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().name("answer-release").daemon().factory());
        executor.setRemoveOnCancelPolicy(true);
        this.timer = Executors.unconfigurableScheduledExecutorService(executor);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addVaadinRequestInterceptor(new Interceptor(this));
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** After a UIDL request: the answer just stored on the page's UI is let go once the retry window has passed. */
    void answered(VaadinSession session, int uiId) {
        session.lock();
        String answer;
        UI ui;
        try {
            ui = session.getUIById(uiId);
            answer = ui == null ? null : ui.getInternals().getLastRequestResponse();
        } finally {
            session.unlock();
        }
        if (answer == null || answer.equals(RELOAD)) {
            return;
        }
        // Weak, so that an answer already replaced by a newer one is not kept alive by the timer.
        WeakReference<String> sent = new WeakReference<>(answer);
        WeakReference<UI> page = new WeakReference<>(ui);
        timer.schedule(() -> release(session, page, sent), keptMillis, TimeUnit.MILLISECONDS);
    }

    private static void release(VaadinSession session, WeakReference<UI> page, WeakReference<String> sent) {
        UI ui = page.get();
        if (ui == null || sent.get() == null) {
            return;
        }
        session.access(() -> {
            String kept = ui.getInternals().getLastRequestResponse();
            // Only the very answer this timer was set for: a newer one has a timer of its own.
            if (kept != null && kept == sent.get()) {
                ui.getInternals().setLastRequestResponse(RELOAD);
            }
        });
    }

    private record Interceptor(AnswerRelease release) implements VaadinRequestInterceptor {

        @Override
        public void requestStart(VaadinRequest request, VaadinResponse response) {}

        @Override
        public void handleException(
                VaadinRequest request, VaadinResponse response, VaadinSession session, Exception exception) {}

        @Override
        public void requestEnd(VaadinRequest request, VaadinResponse response, VaadinSession session) {
            if (session == null || !"uidl".equals(request.getParameter("v-r"))) {
                return;
            }
            String uiId = request.getParameter("v-uiId");
            if (uiId != null && uiId.matches("\\d{1,9}")) {
                release.answered(session, Integer.parseInt(uiId));
            }
        }
    }
}
