package org.inspraak.ui;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import org.awaitility.Awaitility;
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
            new InspraakProperties.Admission(
                    true, 2, Duration.ofMillis(50), 1, Duration.ofMillis(50), Duration.ofHours(1), Duration.ZERO),
            new Messages());
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger served = new AtomicInteger();
    private CompletableFuture<MockHttpServletResponse> holding;

    /** Threads of their own: the common pool may have a single thread on a small machine. */
    private final ExecutorService threads = Executors.newCachedThreadPool();

    private final FilterChain counting = (req, res) -> served.incrementAndGet();

    @BeforeEach
    void oneVisitorHoldsTheOnlyVisitorSlot() throws Exception {
        holding = CompletableFuture.supplyAsync(
                () -> {
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
                },
                threads);
        assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void letGo() {
        release.countDown();
        holding.join();
        threads.shutdownNow();
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
    void whileAnOpenPageWaitsForASlotOnABusyNodeNewcomersAreSentAwayAtOnce() throws Exception {
        Admission busy = new Admission(
                new InspraakProperties.Admission(
                        true, 1, Duration.ofSeconds(60), 1, Duration.ofSeconds(60), Duration.ofHours(1), Duration.ZERO),
                new Messages(),
                () -> 0.95);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Integer> first = holdTheSlot(busy, done);
        CompletableFuture<Integer> second =
                CompletableFuture.supplyAsync(() -> status(busy, uidl(), counting), threads);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> busy.openPagesWaiting() == 1);

        // A newcomer would have to wait behind a resident who is already waiting: sent away, even with its own
        // visitor slot free and a long visitor wait. Had it queued, it would be served once the slot frees below.
        CompletableFuture<Integer> newcomer =
                CompletableFuture.supplyAsync(() -> status(busy, visitor("/"), counting), threads);
        assertThat(newcomer.get(60, TimeUnit.SECONDS)).isEqualTo(503);

        done.countDown();
        assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(served).hasValue(1);
        assertThat(busy.refused()).isEqualTo(1);
        assertThat(busy.refusedFor()).containsEntry(Admission.Refusal.PAGES_WAITING, 1L);
        assertThat(status(busy, visitor("/"), counting)).isEqualTo(200);
    }

    /**
     * Requests wait on the disk too, so pages wait for a slot now and then on a node with processors to spare: a
     * newcomer then queues behind them for its slot instead of being sent away (the load test: at 53 % of the
     * processors, a third of the busy pages were for this).
     */
    @Test
    void whileAnOpenPageWaitsOnAQuietNodeANewcomerQueuesForItsSlot() throws Exception {
        Admission quiet = new Admission(
                new InspraakProperties.Admission(
                        true, 1, Duration.ofSeconds(60), 1, Duration.ofSeconds(60), Duration.ofHours(1), Duration.ZERO),
                new Messages(),
                () -> 0.3);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Integer> first = holdTheSlot(quiet, done);
        CompletableFuture<Integer> second =
                CompletableFuture.supplyAsync(() -> status(quiet, uidl(), counting), threads);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> quiet.openPagesWaiting() == 1);
        CompletableFuture<Integer> newcomer =
                CompletableFuture.supplyAsync(() -> status(quiet, visitor("/"), counting), threads);
        // Still waiting for its slot while the first holds it: neither refused nor served.
        Awaitility.await()
                .during(Duration.ofMillis(200))
                .atMost(Duration.ofSeconds(60))
                .until(() -> !newcomer.isDone() && quiet.refused() == 0);

        done.countDown();
        assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(newcomer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(served).hasValue(2);
        assertThat(quiet.refused()).isZero();
    }

    @Test
    void afterAnOpenPageWaitedLongNewcomersAreSentAwayForAWhileEvenWithASlotFree() throws Exception {
        Admission busy = new Admission(
                new InspraakProperties.Admission(
                        true,
                        1,
                        Duration.ofMillis(50),
                        1,
                        Duration.ofSeconds(60),
                        Duration.ofMillis(10),
                        Duration.ofHours(1)),
                new Messages(),
                () -> 0.95);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Integer> first = holdTheSlot(busy, done);
        assertThat(status(busy, uidl(), counting)).isEqualTo(503); // waited its 50 ms in vain
        done.countDown();
        assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(200);

        assertThat(status(busy, visitor("/"), counting)).isEqualTo(503);
        assertThat(status(busy, uidl(), counting)).isEqualTo(200); // residents taking part are still served
        assertThat(busy.refusedFor())
                .containsEntry(Admission.Refusal.OPEN_PAGE_NO_SLOT, 1L)
                .containsEntry(Admission.Refusal.RECENTLY_SLOW, 1L)
                .containsEntry(Admission.Refusal.PAGES_WAITING, 0L);
    }

    @Test
    void aFullPageLoadWaitsAtTheDoorEvenWithASessionAndMessagesOfOpenPagesDoNot() {
        MockHttpServletRequest reload = visitor("/gesprekken/1");
        reload.setSession(new MockHttpSession());
        reload.addHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(Admission.isOpenPage(reload)).isFalse();
        assertThat(Admission.isOpenPage(visitor("/"))).isFalse();

        MockHttpServletRequest init = visitor("/");
        init.setSession(new MockHttpSession());
        init.setQueryString("v-r=init&location=gesprekken%2F1");
        init.addHeader("Accept", "*/*");
        assertThat(Admission.isOpenPage(init)).isTrue();
        assertThat(Admission.isOpenPage(uidl())).isTrue();

        MockHttpServletRequest photo = visitor("/fotos/3");
        photo.setSession(new MockHttpSession());
        photo.addHeader("Accept", "image/avif,image/webp,*/*");
        assertThat(Admission.isOpenPage(photo)).isTrue();
    }

    /** A resident's message that is being worked on, holding its slot until {@code done}. */
    private CompletableFuture<Integer> holdTheSlot(Admission admission, CountDownLatch done) throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        CompletableFuture<Integer> message = CompletableFuture.supplyAsync(
                () -> status(admission, uidl(), (req, res) -> {
                    working.countDown();
                    await(done);
                }),
                threads);
        assertThat(working.await(60, TimeUnit.SECONDS)).isTrue();
        return message;
    }

    private static MockHttpServletRequest uidl() {
        MockHttpServletRequest uidl = new MockHttpServletRequest("POST", "/");
        uidl.setQueryString("v-r=uidl&v-uiId=0");
        uidl.setSession(new MockHttpSession());
        return uidl;
    }

    private static int status(Admission admission, MockHttpServletRequest request, FilterChain chain) {
        MockHttpServletResponse res = new MockHttpServletResponse();
        try {
            admission.doFilter(request, res, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return res.getStatus();
    }

    @Test
    void whenOpenPagesGetSlowOnBusyProcessorsNewcomersAreSentAwayThoughNoneWaited() throws Exception {
        // Two slots, one used at a time: every page message is served at once (nobody waits for a slot) but takes
        // 20 ms, longer than busy-after, with the processors busy: the node is past its capacity outside the slots,
        // as when Push updates keep the cores busy.
        Admission busy = slowAfterTenMillis(2, 0.95);
        FilterChain slow = (req, res) -> pause(20);
        int needed = (int) Math.ceil(Math.log(1 - Admission.SLOW_SHARE_LIMIT) / Math.log(1 - Admission.SHARE_WEIGHT));
        for (int i = 0; i < needed - 1; i++) {
            assertThat(status(busy, uidl(), slow)).isEqualTo(200);
        }
        assertThat(status(busy, visitor("/"), counting))
                .as("a few slow requests are not yet overload")
                .isEqualTo(200);
        assertThat(status(busy, uidl(), slow)).isEqualTo(200);
        assertThat(status(busy, visitor("/"), counting)).isEqualTo(503);
        assertThat(status(busy, uidl(), counting)).isEqualTo(200); // residents taking part are still served
    }

    @Test
    void slowMessagesWhileTheProcessorsAreMostlyIdleShutNoDoor() throws Exception {
        // A node that has just started, or a slow export on a quiet evening: slow messages with every slot taken, but
        // the cores are not busy. That is no overload; before this check a rush of arrivals shut the door on itself.
        Admission cold = slowAfterTenMillis(1, 0.3);
        FilterChain slow = (req, res) -> pause(20);
        for (int i = 0; i < 20; i++) {
            assertThat(status(cold, uidl(), slow)).isEqualTo(200);
        }
        assertThat(status(cold, visitor("/"), counting)).isEqualTo(200);
    }

    @Test
    void theFirstRequestOfAPageDoesNotCountAsASlowMessage() throws Exception {
        // Building a page for an arrival (v-r=init) is slow by nature: a rush of arrivals must not count as residents
        // kept waiting, or the door shuts on the arrivals themselves.
        Admission busy = slowAfterTenMillis(1, 0.95);
        FilterChain slow = (req, res) -> pause(20);
        for (int i = 0; i < 20; i++) {
            MockHttpServletRequest init = new MockHttpServletRequest("GET", "/");
            init.setQueryString("v-r=init&location=gesprekken%2F1");
            init.setSession(new MockHttpSession());
            assertThat(status(busy, init, slow)).isEqualTo(200);
        }
        assertThat(status(busy, visitor("/"), counting)).isEqualTo(200);
        for (int i = 0; i < 20; i++) {
            assertThat(status(busy, uidl(), slow)).isEqualTo(200);
        }
        assertThat(status(busy, visitor("/"), counting))
                .as("the same number of slow page messages does shut it")
                .isEqualTo(503);
    }

    /**
     * Messages of open pages count as slow after 10 ms, with the processors at {@code cpu}; the door, once shut, stays
     * shut for the test.
     */
    private static Admission slowAfterTenMillis(int slots, double cpu) {
        return new Admission(
                new InspraakProperties.Admission(
                        true,
                        slots,
                        Duration.ofSeconds(60),
                        1,
                        Duration.ofSeconds(60),
                        Duration.ofMillis(10),
                        Duration.ofHours(1)),
                new Messages(),
                () -> cpu);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void openPagesShareTheSlotsAndPushAndStaticFilesAreNeverCounted() throws Exception {
        // The visitor holds one of the two slots; an open page takes the other.
        assertThat(status(admission, uidl(), counting)).isEqualTo(200);

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
