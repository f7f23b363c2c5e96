package org.inspraak.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.inspraak.InspraakException;
import org.inspraak.TextInput;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.idea.IdeaService;
import org.inspraak.notification.NotificationService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The content calendar: staff plan municipal updates per consultation; the scheduler publishes each at its time
 * (the plan lives in the database, so a restart publishes whatever fell due meanwhile) and tells the followers.
 * Warnings follow the source articles: at least one update a day during open phases, never more than two within
 * a quarter of an hour.
 */
@Service
public class ContentCalendarService {

    public static final int MAX_BODY = 5_000;
    public static final int MAX_IMAGE = 2 * 1024 * 1024;
    public static final int MAX_ALT = 200;
    public static final Duration CROWD_WINDOW = Duration.ofMinutes(15);
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final UpdateRepository updates;
    private final ConsultationService consultations;
    private final IdeaService ideas;
    private final NotificationService notifications;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate tx;

    ContentCalendarService(
            UpdateRepository updates,
            ConsultationService consultations,
            IdeaService ideas,
            NotificationService notifications,
            CurrentUser currentUser,
            Clock clock,
            PlatformTransactionManager txManager) {
        this.tx = new TransactionTemplate(txManager);
        this.updates = updates;
        this.consultations = consultations;
        this.ideas = ideas;
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public record UpdateForm(
            String body, List<Long> ideaIds, Instant publishAt, byte[] image, String imageType, String imageAlt) {}

    public record UpdateView(
            long id,
            long consultationId,
            String body,
            List<Long> ideaIds,
            Instant publishAt,
            Instant publishedAt,
            boolean hasImage,
            String imageAlt) {}

    public record Warning(String key, LocalDate day, Instant at) {}

    @Transactional
    public long plan(long consultationId, UpdateForm form) {
        InspraakUser user = currentUser.requireStaff();
        consultations.find(consultationId).orElseThrow(() -> new InspraakException("error.not-found"));
        Update u = new Update(consultationId, user.id(), Instant.now(clock));
        apply(u, consultationId, form);
        return updates.save(u).getId();
    }

    @Transactional
    public void edit(long updateId, UpdateForm form) {
        currentUser.requireStaff();
        Update u = updates.findById(updateId).orElseThrow(() -> new InspraakException("error.not-found"));
        if (u.getPublishedAt() != null) {
            throw new InspraakException("error.update.published");
        }
        apply(u, u.getConsultationId(), form);
    }

    @Transactional
    public void delete(long updateId) {
        currentUser.requireStaff();
        Update u = updates.findById(updateId).orElseThrow(() -> new InspraakException("error.not-found"));
        if (u.getPublishedAt() != null) {
            throw new InspraakException("error.update.published");
        }
        updates.delete(u);
    }

    private void apply(Update u, long consultationId, UpdateForm f) {
        String body = f.body() == null ? "" : f.body().strip();
        if (body.isEmpty()) {
            throw new InspraakException("error.update.body");
        }
        if (body.length() > MAX_BODY) {
            throw new InspraakException("error.update.body-long", MAX_BODY);
        }
        if (TextInput.isUnsafe(body) || (f.imageAlt() != null && TextInput.isUnsafe(f.imageAlt()))) {
            throw new InspraakException("error.text.control-characters");
        }
        if (f.publishAt() == null) {
            throw new InspraakException("error.update.time");
        }
        if (f.publishAt().isBefore(Instant.now(clock).minus(Duration.ofMinutes(1)))) {
            throw new InspraakException("error.update.past");
        }
        List<Long> ideaIds = f.ideaIds() == null
                ? List.of()
                : f.ideaIds().stream().distinct().toList();
        if (ideaIds.size() > 10) {
            throw new InspraakException("error.update.too-many-ideas", 10);
        }
        for (Long id : ideaIds) {
            if (id == null
                    || ideas.find(id)
                            .filter(i -> i.consultationId() == consultationId && !i.hidden())
                            .isEmpty()) {
                throw new InspraakException("error.update.idea");
            }
        }
        byte[] image = f.image();
        String type = null;
        String alt = null;
        if (image != null && image.length > 0) {
            if (image.length > MAX_IMAGE) {
                throw new InspraakException("error.update.image-size", MAX_IMAGE / 1024 / 1024);
            }
            type = imageType(image);
            if (type == null) {
                throw new InspraakException("error.update.image-type");
            }
            alt = f.imageAlt() == null ? "" : f.imageAlt().strip();
            if (alt.isEmpty() || alt.length() > MAX_ALT) {
                throw new InspraakException("error.update.image-alt", MAX_ALT);
            }
        } else {
            image = null;
        }
        u.apply(
                body,
                ideaIds.stream().map(String::valueOf).collect(Collectors.joining(",")),
                f.publishAt(),
                image,
                type,
                alt);
    }

    /** PNG or JPEG by their magic bytes; the declared type of an upload is not trusted. */
    static String imageType(byte[] b) {
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        return null;
    }

    @Transactional(readOnly = true)
    public List<UpdateView> planned(long consultationId, LocalDate from, LocalDate toExclusive) {
        currentUser.requireStaff();
        return updates
                .planned(
                        consultationId,
                        from.atStartOfDay(ZONE).toInstant(),
                        toExclusive.atStartOfDay(ZONE).toInstant())
                .stream()
                .map(ContentCalendarService::view)
                .toList();
    }

    /** Published updates for the consultation page, newest first. */
    @Transactional(readOnly = true)
    public List<UpdateView> published(long consultationId) {
        return updates.published(consultationId).stream()
                .map(ContentCalendarService::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> image(long updateId) {
        return updates.findById(updateId)
                .filter(u -> u.getPublishedAt() != null
                        || currentUser.get().map(InspraakUser::isStaff).orElse(false))
                .map(Update::getImage);
    }

    @Transactional(readOnly = true)
    public String imageTypeOf(long updateId) {
        return updates.findById(updateId).map(Update::getImageType).orElse("application/octet-stream");
    }

    /**
     * Days from today within the open phases (ideas and voting) that have no planned update, and moments where
     * more than two updates fall within a quarter of an hour.
     */
    @Transactional(readOnly = true)
    public List<Warning> warnings(long consultationId, LocalDate from, LocalDate toExclusive) {
        currentUser.requireStaff();
        ConsultationService.ConsultationDetails c =
                consultations.find(consultationId).orElseThrow(() -> new InspraakException("error.not-found"));
        List<Update> list = updates.planned(
                consultationId,
                from.atStartOfDay(ZONE).toInstant(),
                toExclusive.atStartOfDay(ZONE).toInstant());
        List<Warning> out = new ArrayList<>();
        Set<LocalDate> covered = new HashSet<>();
        list.forEach(u -> covered.add(LocalDate.ofInstant(u.getPublishAt(), ZONE)));
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        for (LocalDate d = from; d.isBefore(toExclusive); d = d.plusDays(1)) {
            boolean open = !d.isBefore(c.ideasFrom()) && d.isBefore(c.summarisingFrom());
            if (open && !d.isBefore(today) && !covered.contains(d)) {
                out.add(new Warning("calendar.warning.empty-day", d, null));
            }
        }
        Instant[] times = list.stream().map(Update::getPublishAt).sorted().toArray(Instant[]::new);
        Instant lastWarned = null;
        for (int i = 0; i + 2 < times.length; i++) {
            if (!times[i + 2].isAfter(times[i].plus(CROWD_WINDOW))
                    && (lastWarned == null || times[i].isAfter(lastWarned.plus(CROWD_WINDOW)))) {
                out.add(new Warning("calendar.warning.crowded", LocalDate.ofInstant(times[i], ZONE), times[i]));
                lastWarned = times[i];
            }
        }
        return out;
    }

    /** Publishes every update that is due at {@code now}; returns how many. Tests pass their own instant. */
    public int publishDue(Instant now) {
        Integer n = tx.execute(s -> {
            List<Update> due = updates.due(now);
            int published = 0;
            for (Update u : due) {
                if (updates.claim(u.getId(), now) == 0) {
                    continue;
                }
                published++;
                String title = consultations
                        .find(u.getConsultationId())
                        .map(ConsultationService.ConsultationDetails::title)
                        .orElse("");
                notifications.announceUpdate(u.getConsultationId(), title);
            }
            return published;
        });
        return n == null ? 0 : n;
    }

    @Scheduled(initialDelay = 30_000, fixedDelay = 30_000)
    @SchedulerLock(name = "calendar-publication", lockAtMostFor = "PT10M", lockAtLeastFor = "PT20S")
    public void publishOnTime() {
        publishDue(Instant.now(clock));
    }

    /** After a restart, whatever fell due while the site was down is published at once. */
    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        publishDue(Instant.now(clock));
    }

    private static UpdateView view(Update u) {
        List<Long> ids = u.getIdeaIds().isBlank()
                ? List.of()
                : Arrays.stream(u.getIdeaIds().split(",")).map(Long::valueOf).toList();
        return new UpdateView(
                u.getId(),
                u.getConsultationId(),
                u.getBody(),
                ids,
                u.getPublishAt(),
                u.getPublishedAt(),
                u.getImage() != null,
                u.getImageAlt());
    }
}
