package dev.earshot.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A local mailbox for the local run: a real SMTP server (GreenMail) that keeps every email as an
 * {@code .eml} file in a folder and lists them on a small web page. Email content is shown under
 * a Content-Security-Policy that forbids scripts, as a careful mail client would.
 */
public final class LocalInbox implements AutoCloseable {

    private final GreenMail smtp;
    private final HttpServer web;
    private final Path folder;
    private final List<MimeMessage> saved = new CopyOnWriteArrayList<>();
    private final Set<String> savedIds = new HashSet<>();
    private volatile boolean echo = true;
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "inbox-saver");
        t.setDaemon(true);
        return t;
    });

    private LocalInbox(GreenMail smtp, HttpServer web, Path folder) {
        this.smtp = smtp;
        this.web = web;
        this.folder = folder;
    }

    public static LocalInbox start(int smtpPort, int webPort, Path folder) {
        try {
            Files.createDirectories(folder);
            GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
            LocalInbox inbox = new LocalInbox(smtp, web, folder);
            web.createContext("/", inbox::serve);
            web.start();
            inbox.saver.scheduleWithFixedDelay(inbox::saveNew, 500, 500, TimeUnit.MILLISECONDS);
            return inbox;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local inbox", e);
        }
    }

    /** Whether each new email is announced on standard output (the local run's console). */
    public LocalInbox quiet() {
        echo = false;
        return this;
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public String webUrl() {
        return "http://127.0.0.1:" + web.getAddress().getPort() + "/";
    }

    public Path folder() {
        return folder;
    }

    /**
     * Every email received so far, once each, in arrival order: the SMTP server keeps a copy per
     * recipient, a mail client shows one message. Survives {@link #stopSmtp()}. A resend with the same
     * Message-ID shows once here too: count sends with {@link #rawMessages()}.
     */
    public synchronized List<MimeMessage> messages() {
        saveNew();
        return List.copyOf(saved);
    }

    /** The copies the SMTP server holds now, one per recipient (since it last started). */
    public List<MimeMessage> rawMessages() {
        return List.of(smtp.getReceivedMessages());
    }

    /** Stops accepting mail, as an SMTP outage would; {@link #startSmtp()} brings it back on the same port. */
    public synchronized void stopSmtp() {
        saveNew();
        smtp.stop();
    }

    public synchronized void startSmtp() {
        smtp.start();
    }

    private synchronized void saveNew() {
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (!savedIds.add(messageId(m))) {
                continue;
            }
            Path file = folder.resolve(String.format("%04d.eml", saved.size() + 1));
            try (OutputStream out = Files.newOutputStream(file)) {
                m.writeTo(out);
                saved.add(m);
                if (echo) {
                    System.out.println("local-inbox       | new email " + file.getFileName() + ": " + m.getSubject());
                }
            } catch (IOException | MessagingException e) {
                System.err.println("local-inbox       | cannot save an email: " + e.getMessage());
            }
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            String id = m.getMessageID();
            return id != null ? id : String.valueOf(System.identityHashCode(m));
        } catch (MessagingException e) {
            return String.valueOf(System.identityHashCode(m));
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.equals("/")) {
                respond(exchange, 200, "text/html; charset=utf-8", indexPage());
            } else if (path.matches("/messages/\\d+")) {
                int n = Integer.parseInt(path.substring("/messages/".length()));
                MimeMessage m = n >= 1 && n <= saved.size() ? saved.get(n - 1) : null;
                String html = m == null ? null : bodyPart(m, "text/html");
                if (html == null) {
                    respond(exchange, 404, "text/plain; charset=utf-8", "no such email");
                } else {
                    exchange.getResponseHeaders().add("Content-Security-Policy",
                            "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
                    respond(exchange, 200, "text/html; charset=utf-8", html);
                }
            } else {
                respond(exchange, 404, "text/plain; charset=utf-8", "not found");
            }
        } catch (MessagingException e) {
            respond(exchange, 500, "text/plain; charset=utf-8", "cannot read email: " + e.getMessage());
        }
    }

    private String indexPage() throws MessagingException {
        StringBuilder rows = new StringBuilder();
        for (int i = saved.size() - 1; i >= 0; i--) {
            MimeMessage m = saved.get(i);
            rows.append("<tr><td>").append(i + 1).append("</td><td>")
                    .append(Html.escape(String.valueOf(m.getSentDate()))).append("</td><td>")
                    .append(Html.escape(String.join(", ", recipients(m)))).append("</td><td><a href=\"/messages/")
                    .append(i + 1).append("\">").append(Html.escape(m.getSubject())).append("</a></td></tr>\n");
        }
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Earshot local inbox</title>
                <meta http-equiv="refresh" content="5">
                <style>body{font-family:system-ui,sans-serif;margin:2em}td,th{padding:4px 10px;text-align:left}
                tr:nth-child(even){background:#f4f4f4}</style></head><body>
                <h1>Earshot local inbox</h1><p>%d email(s); also saved as .eml files in <code>%s</code>. Refreshes every 5 s.</p>
                <table><tr><th>#</th><th>Sent</th><th>To</th><th>Subject</th></tr>
                %s</table></body></html>
                """.formatted(saved.size(), Html.escape(folder.toAbsolutePath().toString()), rows);
    }

    private static List<String> recipients(MimeMessage m) throws MessagingException {
        return m.getAllRecipients() == null ? List.of()
                : java.util.Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
    }

    static String bodyPart(Part part, String mimeType) throws MessagingException {
        try {
            if (part.isMimeType(mimeType)) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String found = bodyPart(child, mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new MessagingException("cannot read part " + mimeType, e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        saver.shutdownNow();
        saveNew();
        web.stop(0);
        smtp.stop();
    }
}
