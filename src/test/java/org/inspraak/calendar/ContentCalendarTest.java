package org.inspraak.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.inspraak.InspraakException;
import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.inspraak.notification.NotificationKind;
import org.inspraak.notification.NotificationService;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Planning, validation, warnings and on-time publication (the scheduler is driven with explicit instants). */
class ContentCalendarTest extends IntegrationTest {

    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Autowired
    ContentCalendarService calendar;

    @Autowired
    NotificationService notifications;

    @Autowired
    Clock clock;

    private String key(Runnable r) {
        try {
            r.run();
            return null;
        } catch (InspraakException e) {
            return e.key();
        }
    }

    private ContentCalendarService.UpdateForm form(String body, Instant at) {
        return new ContentCalendarService.UpdateForm(body, List.of(), at, null, null, null);
    }

    @Test
    void anUpdateIsPublishedOnTimeAndFollowersAreTold() {
        long c = data.openConsultation();
        TestData.User follower = data.user();
        data.authenticate(follower);
        notifications.followConsultation(c, true);
        long before = notifications.unreadCount();

        data.authenticate(data.user(Role.MODERATOR));
        Instant now = Instant.now(clock);
        long idea = data.idea(c, data.user());
        calendar.plan(
                c,
                new ContentCalendarService.UpdateForm(
                        "De wethouder reageert vanavond op de **top 3**.",
                        List.of(idea),
                        now.plus(Duration.ofMinutes(10)),
                        PNG,
                        null,
                        "Foto van de wethouder"));
        assertThat(calendar.published(c)).isEmpty();
        assertThat(calendar.publishDue(now.plus(Duration.ofMinutes(5)))).isZero();
        assertThat(calendar.publishDue(now.plus(Duration.ofMinutes(11)))).isEqualTo(1);
        assertThat(calendar.publishDue(now.plus(Duration.ofMinutes(12)))).isZero();
        List<ContentCalendarService.UpdateView> published = calendar.published(c);
        assertThat(published).hasSize(1);
        assertThat(published.getFirst().ideaIds()).containsExactly(idea);
        assertThat(published.getFirst().hasImage()).isTrue();
        data.authenticate(follower);
        assertThat(notifications.unreadCount()).isEqualTo(before + 1);
        assertThat(notifications.mine(0, 10).getFirst().kind()).isEqualTo(NotificationKind.UPDATE);
        data.authenticate(data.user(Role.MODERATOR));
        assertThat(key(() -> calendar.delete(published.getFirst().id()))).isEqualTo("error.update.published");
    }

    @Test
    void badPlansAreRefusedWithAReason() {
        long c = data.openConsultation();
        long other = data.openConsultation();
        long foreignIdea = data.idea(other, data.user());
        data.authenticate(data.user(Role.MODERATOR));
        Instant later = Instant.now(clock).plus(Duration.ofHours(2));
        assertThat(key(() -> calendar.plan(c, form("Te laat", Instant.now(clock).minus(Duration.ofHours(1))))))
                .isEqualTo("error.update.past");
        assertThat(key(() -> calendar.plan(c, form("   ", later)))).isEqualTo("error.update.body");
        assertThat(key(() -> calendar.plan(c, form("x".repeat(5001), later)))).isEqualTo("error.update.body-long");
        assertThat(key(() -> calendar.plan(
                        c,
                        new ContentCalendarService.UpdateForm(
                                "Met idee", List.of(foreignIdea), later, null, null, null))))
                .isEqualTo("error.update.idea");
        assertThat(key(() -> calendar.plan(
                        c,
                        new ContentCalendarService.UpdateForm(
                                "Met plaatje",
                                List.of(),
                                later,
                                "<svg onload=alert(1)>".getBytes(),
                                "image/png",
                                "x"))))
                .isEqualTo("error.update.image-type");
        assertThat(key(() -> calendar.plan(
                        c, new ContentCalendarService.UpdateForm("Met plaatje", List.of(), later, PNG, null, " "))))
                .isEqualTo("error.update.image-alt");
        data.authenticate(data.user());
        assertThat(Assertions.catchThrowable(() -> calendar.plan(c, form("Bewoner", later))))
                .isNotNull();
        data.authenticate(data.user(Role.MODERATOR));
        assertThat(calendar.planned(
                        c,
                        LocalDate.now(clock).minusDays(1),
                        LocalDate.now(clock).plusDays(30)))
                .isEmpty();
    }

    @Test
    void warnsAboutEmptyDaysAndCrowdedQuarters() {
        long c = data.openConsultation();
        data.authenticate(data.user(Role.MODERATOR));
        LocalDate tomorrow =
                LocalDate.now(clock.withZone(ContentCalendarService.ZONE)).plusDays(1);
        Instant nine = tomorrow.atTime(9, 0).atZone(ContentCalendarService.ZONE).toInstant();
        for (int m : new int[] {0, 5, 10}) {
            calendar.plan(c, form("Bericht " + m, nine.plus(Duration.ofMinutes(m))));
        }
        List<ContentCalendarService.Warning> w = calendar.warnings(c, tomorrow, tomorrow.plusDays(3));
        assertThat(w)
                .anyMatch(x ->
                        x.key().equals("calendar.warning.crowded") && x.day().equals(tomorrow));
        assertThat(w)
                .anyMatch(x ->
                        x.key().equals("calendar.warning.empty-day") && x.day().equals(tomorrow.plusDays(1)));
        assertThat(w)
                .noneMatch(x ->
                        x.key().equals("calendar.warning.empty-day") && x.day().equals(tomorrow));
    }
}
