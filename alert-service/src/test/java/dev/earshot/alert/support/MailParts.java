package dev.earshot.alert.support;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;

/** Reads the text/html and text/plain parts of a received email, as a mail client would show them. */
public final class MailParts {

    private MailParts() {
    }

    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    private static String part(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String found = part(child, mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read email part " + mimeType, e);
        }
    }
}
