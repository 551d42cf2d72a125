package dev.earshot.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.spec.EncryptablePasswordSpec;
import org.wildfly.security.password.spec.IteratedSaltedPasswordAlgorithmSpec;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * The console's users for one local run: {@code demo} (responder: may acknowledge, resolve and snooze) and
 * {@code admin}, each with a password generated for this run. The console is configured as an operator would
 * configure it, with a properties file of bcrypt hashes (hashed with Elytron, the library the console checks them
 * with); the passwords themselves exist only in this JVM and the banner.
 */
public final class ConsoleUsers {

    /** user → role, in the banner's order. */
    static final Map<String, String> ROLES = Map.of("demo", "responder", "admin", "admin");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Map<String, String> passwords;
    private final Path file;

    private ConsoleUsers(Map<String, String> passwords, Path file) {
        this.passwords = passwords;
        this.file = file;
    }

    /** Generates the passwords and writes {@code file} (readable by its owner only) with their hashes. */
    public static ConsoleUsers write(Path file) {
        Map<String, String> passwords = new LinkedHashMap<>();
        StringBuilder props = new StringBuilder("# The console's users for this local run (bcrypt hashes; passwords in the banner).\n");
        for (String user : new String[] {"demo", "admin"}) {
            String password = password();
            passwords.put(user, password);
            props.append("earshot.console.users.").append(user).append(".password-hash=").append(bcrypt(password))
                    .append('\n');
            props.append("earshot.console.users.").append(user).append(".roles=").append(ROLES.get(user)).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
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

    private static String password() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
