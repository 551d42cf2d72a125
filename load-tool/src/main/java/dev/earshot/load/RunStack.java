package dev.earshot.load;

import dev.earshot.local.EarshotStack;
import dev.earshot.local.LocalInbox;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stack a soak or fault run drives: the embedded broker and the three packaged services as
 * separate JVMs (and the console on an embedded PostgreSQL, when asked), sending mail through an
 * {@link SmtpProxy} to a real SMTP server (the local inbox).
 */
final class RunStack implements AutoCloseable {

    interface CatalogWriter {
        Path write(Path workDir) throws IOException;
    }

    final Path work;
    final LocalInbox inbox;
    final SmtpProxy smtp;
    final EarshotStack stack;

    private RunStack(Path work, LocalInbox inbox, SmtpProxy smtp, EarshotStack stack) {
        this.work = work;
        this.inbox = inbox;
        this.smtp = smtp;
        this.stack = stack;
    }

    /** @param env what the services get beside the catalog, the SMTP address and the broker */
    static RunStack start(String name, CatalogWriter catalog, Map<String, String> env) throws IOException {
        return start(name, catalog, env, false);
    }

    /** @param withConsole also run the console, which reads the public topics into its PostgreSQL */
    static RunStack start(String name, CatalogWriter catalog, Map<String, String> env, boolean withConsole)
            throws IOException {
        Path repoRoot = Path.of(System.getProperty("earshot.home", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("earshot-" + name + "-");
        // PostgreSQL refuses to run as root, so the embedded one runs as nobody and must be able to enter the folder
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        Path catalogFile = catalog.write(work);
        Map<String, Integer> services = new LinkedHashMap<>();
        for (String module : EarshotStack.ALL_SERVICES) {
            services.put(module, freePort());
        }
        if (withConsole) {
            services.put(EarshotStack.CONSOLE, freePort());
        }
        LocalInbox inbox = LocalInbox.start(freePort(), freePort(), work.resolve("inbox")).quiet();
        SmtpProxy smtp = SmtpProxy.start(inbox.smtpPort());
        Map<String, String> all = new HashMap<>(env);
        all.put("EARSHOT_CONFIG", catalogFile.toString());
        all.put("SMTP_HOST", "127.0.0.1");
        all.put("SMTP_PORT", String.valueOf(smtp.port()));
        try {
            return new RunStack(work, inbox, smtp, EarshotStack.start(repoRoot, work, freePort(), services, all, null));
        } catch (RuntimeException e) {
            smtp.close();
            inbox.close();
            throw e;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        stack.close();
        smtp.close();
        inbox.close();
    }
}
