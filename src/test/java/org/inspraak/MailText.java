package org.inspraak;

import java.io.IOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The plain-text part of a received mail (Inspraak sends text with an HTML alternative). */
public final class MailText {

    private MailText() {}

    public static String of(Part part) throws MessagingException, IOException {
        return find(part, "text/plain");
    }

    public static String html(Part part) throws MessagingException, IOException {
        return find(part, "text/html");
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
