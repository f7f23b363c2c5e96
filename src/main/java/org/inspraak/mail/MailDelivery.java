package org.inspraak.mail;

import java.time.Clock;
import java.time.Instant;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Delivers one outbox mail in its own transaction and records the outcome. */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final OutboxMailRepository outbox;
    private final Clock clock;
    private final Environment env;

    MailDelivery(OutboxMailRepository outbox, Clock clock, Environment env) {
        this.outbox = outbox;
        this.clock = clock;
        this.env = env;
    }

    @Transactional
    public void deliver(long id, JavaMailSender sender, String from, String municipality) {
        OutboxMail mail = outbox.findById(id).orElse(null);
        if (mail == null || mail.getStatus() != OutboxMail.Status.PENDING) {
            return; // gone, or already handled before a restart delivered its event again
        }
        String host = env.getProperty("spring.mail.host", "");
        if (sender == null || host.isBlank()) {
            log.info(
                    "No SMTP server configured; mail to {} kept in the outbox: {}\n{}",
                    mail.getRecipient(),
                    mail.getSubject(),
                    mail.getBody());
            mail.delivered(OutboxMail.Status.LOGGED, Instant.now(clock), null);
            return;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            // Multipart: a plain-text body with an HTML alternative, so every mail client shows it well.
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.getRecipient());
            helper.setSubject(mail.getSubject());
            String unsubscribe = mail.getUnsubscribeUrl();
            // The sender writes the unsubscribe link into the text, in the recipient's language.
            helper.setText(mail.getBody(), MailHtml.of(mail.getBody(), municipality));
            if (unsubscribe != null) {
                // RFC 2369 and RFC 8058: mail clients offer their own unsubscribe button, which POSTs to this URL.
                message.addHeader("List-Unsubscribe", "<" + unsubscribe + ">");
                message.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            sender.send(message);
            mail.delivered(OutboxMail.Status.SENT, Instant.now(clock), null);
        } catch (MessagingException | RuntimeException e) {
            log.warn("Could not send mail {} to {}: {}", id, mail.getRecipient(), e.toString());
            mail.delivered(OutboxMail.Status.FAILED, Instant.now(clock), e.getMessage());
        }
    }
}
