package dev.earshot.alert.support;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/** The emails in one recipient's GreenMail inbox: what that person would see, each copy counted. */
public final class Mails {

    private Mails() {
    }

    public static List<MimeMessage> to(GreenMail greenMail, String address) {
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        try {
            MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
            return inbox.getMessages().stream().map(StoredMessage::getMimeMessage).toList();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
