package org.inspraak.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.inspraak.InspraakProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends mail through Spring's mail sender when an SMTP host is configured; otherwise logs it.
 * Every mail is written to the outbox in the caller's transaction and delivered only after commit,
 * so a rolled-back registration never sends a link to an account that does not exist.
 */
@Service
public class MailService {

    private final OutboxMailRepository outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final InspraakProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MailDelivery delivery;

    MailService(
            OutboxMailRepository outbox,
            ObjectProvider<JavaMailSender> mailSender,
            InspraakProperties properties,
            ApplicationEventPublisher events,
            Clock clock,
            MailDelivery delivery) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.delivery = delivery;
    }

    /** A mail was put in the outbox; it is delivered once the transaction that wrote it has committed. */
    public record MailQueued(long mailId) {}

    /** The most text of one mail the outbox keeps (its column's length). */
    public static final int MAX_BODY = 10_000;

    /**
     * Puts the mail in the outbox, in the caller's transaction. Delivery follows the commit as a module listener,
     * so the event publication registry delivers a mail that a crash interrupted at the next start.
     */
    @Transactional
    public void send(String recipient, String subject, String body) {
        send(recipient, subject, body, null);
    }

    /**
     * As {@link #send(String, String, String)}, for mail a person chose to receive: it carries a one-click
     * unsubscribe link in its text and in the {@code List-Unsubscribe} headers (RFC 8058).
     */
    @Transactional
    public void send(String recipient, String subject, String body, @Nullable String unsubscribeUrl) {
        OutboxMail mail = outbox.save(new OutboxMail(recipient, subject, body, unsubscribeUrl, Instant.now(clock)));
        events.publishEvent(new MailQueued(mail.getId()));
    }

    @ApplicationModuleListener
    void onQueued(MailQueued e) {
        deliver(e.mailId());
    }

    void deliver(long id) {
        JavaMailSender sender = mailSender.getIfAvailable();
        delivery.deliver(
                id,
                sender,
                properties.municipality().mailFrom(),
                properties.municipality().name());
    }

    @Transactional(readOnly = true)
    @Secured("ROLE_ADMIN")
    public List<OutboxMail> recent(int offset, int limit) {
        return outbox.findAll(PageRequest.of(
                        offset / Math.max(limit, 1),
                        Math.max(limit, 1),
                        Sort.by(Sort.Direction.DESC, "createdAt", "id")))
                .getContent();
    }

    @Transactional(readOnly = true)
    @Secured("ROLE_ADMIN")
    public long count() {
        return outbox.count();
    }
}
