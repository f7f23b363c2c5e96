package org.inspraak.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.inspraak.InspraakProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
    private final TaskExecutor executor;
    private final Clock clock;
    private final MailDelivery delivery;

    MailService(
            OutboxMailRepository outbox,
            ObjectProvider<JavaMailSender> mailSender,
            InspraakProperties properties,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            Clock clock,
            MailDelivery delivery) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.properties = properties;
        this.executor = executor;
        this.clock = clock;
        this.delivery = delivery;
    }

    @Transactional
    public void send(String recipient, String subject, String body) {
        OutboxMail mail = outbox.save(new OutboxMail(recipient, subject, body, Instant.now(clock)));
        long id = mail.getId();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    executor.execute(() -> deliver(id));
                }
            });
        } else {
            executor.execute(() -> deliver(id));
        }
    }

    void deliver(long id) {
        JavaMailSender sender = mailSender.getIfAvailable();
        delivery.deliver(id, sender, properties.municipality().mailFrom());
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
