package dev.earshot.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmtpProxyTest {

    private GreenMail inbox;
    private SmtpProxy proxy;

    @BeforeEach
    void start() throws Exception {
        inbox = new GreenMail(new ServerSetup(RunStack.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        inbox.start();
        proxy = SmtpProxy.start(inbox.getSmtp().getPort());
    }

    @AfterEach
    void stop() {
        proxy.close();
        inbox.stop();
    }

    @Test
    void countsEachAcceptedEmailWithItsRecipientsAndHeaders() throws Exception {
        send("pr@probe-1.example", "incident-1", "<same@earshot>");
        send("pr@probe-1.example", "incident-1", "<same@earshot>"); // a resend: same Message-ID

        assertEquals(2, inbox.getReceivedMessages().length);
        List<SmtpProxy.Delivery> seen = proxy.deliveries();
        assertEquals(2, seen.size(), "a resend with the same Message-ID is still counted");
        assertEquals(List.of("pr@probe-1.example"), seen.get(0).recipients());
        assertEquals("incident-1", seen.get(0).header("x-earshot-incident"));
        assertEquals(1, EmailTally.duplicates(seen).duplicated());
    }

    @Test
    void aDelayedAnswerStillDeliversOnce() throws Exception {
        proxy.delayDataReplies(Duration.ofSeconds(2));
        send("pr@probe-2.example", "incident-2", "<slow@earshot>");

        assertEquals(1, inbox.getReceivedMessages().length);
        assertEquals(1, proxy.deliveries().size());
    }

    @Test
    void nothingIsCountedWhileTheInboxIsDown() {
        inbox.stop();
        assertThrows(MessagingException.class, () -> send("pr@probe-3.example", "incident-3", "<down@earshot>"));
        assertEquals(0, proxy.deliveries().size());
        inbox.start();
    }

    private void send(String to, String incident, String messageId) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(proxy.port()));
        props.put("mail.smtp.timeout", "30000");
        props.put("mail.smtp.connectiontimeout", "5000");
        MimeMessage m = new MimeMessage(Session.getInstance(props)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(new InternetAddress("earshot@load.example"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject("Incident");
        m.setHeader("X-Earshot-Incident", incident);
        m.setHeader("X-Earshot-Revision", "1");
        m.setText("A furious mention.\n.\n..leading dots are stuffed\n");
        Transport.send(m);
    }
}
