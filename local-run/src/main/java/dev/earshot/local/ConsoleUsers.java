package dev.earshot.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.spec.EncryptablePasswordSpec;
import org.wildfly.security.password.spec.IteratedSaltedPasswordAlgorithmSpec;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * A users file for the console, with a password generated for each user: the local run's {@code demo} (responder:
 * may acknowledge, resolve and snooze) and {@code admin}, and, through {@link #main}, the compose smoke's and
 * {@code deploy/generate-secrets.sh --console}'s. The console is configured as an operator would configure it, with
 * a properties file of bcrypt hashes (hashed with Elytron, the library the console checks them with); the passwords
 * themselves are only returned (and printed by {@link #main}), never written.
 */
public final class ConsoleUsers {

    /** The local run's users and their roles. */
    static final Map<String, String> LOCAL_RUN = orderedOf("demo", "responder", "admin", "admin");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Map<String, String> passwords;
    private final Path file;

    private ConsoleUsers(Map<String, String> passwords, Path file) {
        this.passwords = passwords;
        this.file = file;
    }

    /**
     * {@code java -cp local-run/target/earshot-local.jar dev.earshot.local.ConsoleUsers FILE USER:ROLE...}: writes
     * FILE (mode 644: hashes only, and the console's container user must read it) and prints {@code USER PASSWORD}
     * per line. Refuses to replace an existing file.
     */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: ConsoleUsers FILE USER:ROLE [USER:ROLE ...]   (roles: viewer, responder, admin)");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (Files.exists(file)) {
            System.err.println(file + " exists: not replaced (remove it first to start over)");
            System.exit(1);
        }
        Map<String, String> roles = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split(":", 2);
            if (pair.length != 2 || !pair[0].matches("[a-z][a-z0-9_-]*") || !Set.of("viewer", "responder", "admin").contains(pair[1])) {
                System.err.println("not USER:ROLE with a lower-case user and a role viewer, responder or admin: " + args[i]);
                System.exit(2);
            }
            roles.put(pair[0], pair[1]);
        }
        ConsoleUsers users = write(file, roles, "rw-r--r--");
        users.passwords.forEach((user, password) -> System.out.println(user + " " + password));
    }

    /** The local run's users: writes {@code file} (readable by its owner only). */
    public static ConsoleUsers write(Path file) {
        return write(file, LOCAL_RUN, "rw-------");
    }

    /** Generates a password per user and writes {@code file} with their hashes and roles. */
    static ConsoleUsers write(Path file, Map<String, String> roles, String mode) {
        Map<String, String> passwords = new LinkedHashMap<>();
        StringBuilder props = new StringBuilder("# The console's users (bcrypt hashes; the passwords were shown once, when made).\n");
        roles.forEach((user, role) -> {
            String password = password();
            passwords.put(user, password);
            props.append("earshot.console.users.").append(user).append(".password-hash=").append(bcrypt(password))
                    .append('\n');
            props.append("earshot.console.users.").append(user).append(".roles=").append(role).append('\n');
        });
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode)); // past the umask
            Files.writeString(file, props);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new ConsoleUsers(passwords, file);
    }

    public String password(String user) {
        String p = passwords.get(user);
        if (p == null) {
            throw new IllegalArgumentException("no console user " + user);
        }
        return p;
    }

    /** The properties file, for {@code QUARKUS_CONFIG_LOCATIONS}. */
    public Path file() {
        return file;
    }

    /** A bcrypt hash in the {@code $2a$} form the console reads, cost 10. */
    static String bcrypt(String password) {
        try {
            byte[] salt = new byte[BCryptPassword.BCRYPT_SALT_SIZE];
            RANDOM.nextBytes(salt);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT,
                    new WildFlyElytronPasswordProvider());
            BCryptPassword hashed = (BCryptPassword) factory.generatePassword(new EncryptablePasswordSpec(
                    password.toCharArray(), new IteratedSaltedPasswordAlgorithmSpec(10, salt)));
            return ModularCrypt.encodeAsString(hashed);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash a password with bcrypt", e);
        }
    }

    private static Map<String, String> orderedOf(String... userRole) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < userRole.length; i += 2) {
            m.put(userRole[i], userRole[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static String password() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
