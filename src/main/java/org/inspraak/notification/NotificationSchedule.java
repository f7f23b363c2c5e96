package org.inspraak.notification;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The notification work that runs on a timer: phase notices, bundled mails and daily digests. Each run takes its
 * lock first, so with several application nodes only one of them does the work at a time and the others skip that
 * round. The lock sits here, not on the service, so a direct call to the service is never skipped.
 */
@Component
class NotificationSchedule {

    private final NotificationService notifications;

    NotificationSchedule(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Scheduled(
            initialDelayString = "${inspraak.notifications.phase-check-initial:60s}",
            fixedDelayString = "${inspraak.notifications.phase-check:10m}")
    @SchedulerLock(name = "phase-notices", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
    public void phaseChanges() {
        notifications.announcePhaseChanges();
    }

    @Scheduled(
            initialDelayString = "${inspraak.notifications.bundle-check:60s}",
            fixedDelayString = "${inspraak.notifications.bundle-check:60s}")
    @SchedulerLock(name = "bundled-mails", lockAtMostFor = "PT30M", lockAtLeastFor = "PT20S")
    public void bundledMails() {
        notifications.sendBundledMails();
    }

    @Scheduled(cron = "${inspraak.notifications.digest-cron:0 0 7 * * *}", zone = "Europe/Amsterdam")
    @SchedulerLock(name = "daily-digests", lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
    public void dailyDigests() {
        notifications.sendDailyDigests();
    }
}
