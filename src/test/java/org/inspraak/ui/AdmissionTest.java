package org.inspraak.ui;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import org.inspraak.InspraakProperties;
import org.inspraak.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

/** Admission at overload: bounded waits, open pages before new visitors, a refusal that changes nothing. */
class AdmissionTest {

    private final Admission admission = new Admission(
            new InspraakProperties.Admission(true, 1, Duration.ofMillis(50), 1, Duration.ofMillis(50)), new Messages());
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger served = new AtomicInteger();
    private CompletableFuture<MockHttpServletResponse> holding;

    private final FilterChain counting = (req, res) -> served.incrementAndGet();

    @BeforeEach
    void oneVisitorHoldsTheOnlyVisitorSlot() throws Exception {
        holding = CompletableFuture.supplyAsync(() -> {
            MockHttpServletResponse res = new MockHttpServletResponse();
            try {
                admission.doFilter(visitor("/gesprekken/1"), res, (req, r) -> {
                    entered.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return res;
        });
        assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void letGo() {
        release.countDown();
        holding.join();
    }

    private static MockHttpServletRequest visitor(String path) {
        MockHttpServletRequest req = new MockHttpServletRequest("GET", path);
        req.addPreferredLocale(Locale.forLanguageTag("nl"));
        return req;
    }

    @Test
    void aNewVisitorBeyondTheSlotsGetsTheBusyPageWithoutAnyWorkDone() throws Exception {
        MockHttpServletResponse res = new MockHttpServletResponse();
        admission.doFilter(visitor("/"), res, counting);
        assertThat(served).hasValue(0);
        assertThat(res.getStatus()).isEqualTo(503);
        assertThat(res.getHeader("Retry-After")).isEqualTo("30");
        assertThat(res.getContentAsString())
                .contains("Het is nu erg druk", "Probeer het over een halve minuut opnieuw", "href=\"/\"")
                .doesNotContain("<script");
        assertThat(admission.refused()).isEqualTo(1);

        MockHttpServletRequest english = new MockHttpServletRequest("GET", "/");
        english.addPreferredLocale(Locale.ENGLISH);
        MockHttpServletResponse en = new MockHttpServletResponse();
        admission.doFilter(english, en, counting);
        assertThat(en.getContentAsString()).contains("It is very busy right now");
    }

    @Test
    void openPagesHaveSlotsOfTheirOwnAndPushAndStaticFilesAreNeverCounted() throws Exception {
        MockHttpServletRequest uidl = new MockHttpServletRequest("POST", "/");
        uidl.setQueryString("v-r=uidl&v-uiId=0");
        uidl.setSession(new MockHttpSession());
        MockHttpServletResponse res = new MockHttpServletResponse();
        admission.doFilter(uidl, res, counting);
        assertThat(res.getStatus()).isEqualTo(200);

        for (String path : new String[] {"/VAADIN/push", "/images/logo.svg", "/actuator/health/readiness"}) {
            admission.doFilter(visitor(path), new MockHttpServletResponse(), counting);
        }
        assertThat(served).hasValue(4);
        assertThat(admission.refused()).isZero();
    }

    @Test
    void aSlotFreedIsASlotForTheNextVisitor() throws Exception {
        release.countDown();
        assertThat(holding.get(60, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        MockHttpServletResponse res = new MockHttpServletResponse();
        admission.doFilter(visitor("/"), res, counting);
        assertThat(res.getStatus()).isEqualTo(200);
        assertThat(served).hasValue(1);
    }
}
