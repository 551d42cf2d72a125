package dev.earshot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.access.Secrets;
import dev.earshot.events.TopicTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of the Docker and Kubernetes files on a machine without a Docker engine:
 * they parse, they refer only to files that exist, every variable they give a service is one that
 * service reads, and each Dockerfile's inputs exist once the services are packaged.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Read by the image's own start script (run-java.sh), not by the application. */
    private static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS_APPEND");
    /** Read by Quarkus itself: the port, and the extra configuration files (the console's users). */
    private static final Set<String> QUARKUS_VARIABLES = Set.of("QUARKUS_HTTP_PORT", "QUARKUS_CONFIG_LOCATIONS");
    /** Every module shipped as an image: the three services and the console. */
    private static final List<String> MODULES = List.of("ingest-service", "sentiment-service", "alert-service", "console");
    private static final Pattern COPY = Pattern.compile("^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+\\S+$", Pattern.MULTILINE);
    /** A variable whose value lets its holder read or change something: it must never have a shipped value. */
    private static final Pattern SECRET_NAME = Pattern.compile("TOKEN|SECRET|PASSWORD|JAAS|_KEY$|_AUTH$");
    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}} and their colon-less forms. */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");
    /** Compose refuses to start without these in .env. */
    private static final List<String> REQUIRED_IN_ENV = List.of("EARSHOT_API_TOKEN", "EARSHOT_READ_TOKEN",
            "EARSHOT_ACK_SECRET", "GRAFANA_ADMIN_PASSWORD", "EARSHOT_TOOLS_PASSWORD", "EARSHOT_CONSOLE_DB_PASSWORD",
            "EARSHOT_CONSOLE_SESSION_KEY");

    @Test
    void composeRefersOnlyToFilesThatExist() throws IOException {
        Map<String, Object> services = composeServices();
        assertTrue(services.keySet().containsAll(List.of("kafka", "ingest-service", "sentiment-service",
                "alert-service", "console", "postgres", "mailpit", "prometheus", "grafana", "kafka-ui")),
                services.keySet().toString());
        for (Map.Entry<String, Object> e : services.entrySet()) {
            Map<String, Object> service = map(e.getValue());
            if (service.get("build") instanceof Map<?, ?> build) {
                Path context = ROOT.resolve((String) build.get("context"));
                assertTrue(Files.isRegularFile(context.resolve((String) build.get("dockerfile"))), e.getKey());
            }
            for (Object volume : list(service.get("volumes"))) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith(".")) {
                    assertTrue(Files.exists(ROOT.resolve(source)), e.getKey() + " mounts missing " + source);
                }
            }
        }
    }

    @Test
    void everyVariableGivenToAServiceIsOneThatServiceReads() throws IOException {
        Map<String, Object> services = composeServices();
        for (String module : MODULES) {
            Map<String, Object> env = map(map(services.get(module)).get("environment"));
            String properties = readableSettings(module);
            List<String> unread = new ArrayList<>();
            for (String variable : env.keySet()) {
                if (!IMAGE_VARIABLES.contains(variable) && !QUARKUS_VARIABLES.contains(variable)
                        && !reads(properties, variable)) {
                    unread.add(variable);
                }
            }
            assertEquals(List.of(), unread, module + "'s application.properties reads none of these");
        }
    }

    @Test
    void kubernetesManifestsGiveServicesOnlyVariablesTheyRead() throws IOException {
        for (String module : MODULES) {
            String properties = readableSettings(module);
            Path manifest = ROOT.resolve("deploy/kubernetes").resolve(module + ".yaml");
            for (Object doc : new Yaml().loadAll(Files.readString(manifest))) {
                Map<String, Object> resource = map(doc);
                if (!"Deployment".equals(resource.get("kind"))) {
                    continue;
                }
                Map<String, Object> container = map(list(map(map(map(resource.get("spec")).get("template"))
                        .get("spec")).get("containers")).get(0));
                for (Object e : list(container.get("env"))) {
                    String name = (String) map(e).get("name");
                    boolean read = IMAGE_VARIABLES.contains(name) || QUARKUS_VARIABLES.contains(name)
                            || reads(properties, name);
                    assertTrue(read, module + " is given " + name + " but does not read it");
                }
            }
        }
    }

    @Test
    void composePublishesNoPortBeyondLoopback() throws IOException {
        List<String> open = new ArrayList<>();
        for (Map.Entry<String, Object> e : composeServices().entrySet()) {
            for (Object port : list(map(e.getValue()).get("ports"))) {
                if (!publishedOnLoopback(port)) {
                    open.add(e.getKey() + " " + port);
                }
            }
        }
        assertEquals(List.of(), open, "published on every interface of the host");
    }

    @Test
    void composeShipsNoSecretAndRefusesToStartWithoutTheRequiredOnes() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        List<String> shipped = new ArrayList<>();
        Set<String> required = new TreeSet<>();
        Matcher m = INTERPOLATION.matcher(compose);
        while (m.find()) {
            String name = m.group(1);
            String operator = m.group(2);
            if (!SECRET_NAME.matcher(name).find()) {
                continue;
            }
            if (operator == null || operator.endsWith("-") && !m.group(3).isEmpty()) {
                // ${SECRET} quietly becomes empty; ${SECRET:-value} ships the value.
                shipped.add(m.group());
            } else if (operator.endsWith("?")) {
                required.add(name);
            }
        }
        assertEquals(List.of(), shipped, "secrets with a default or without a refusal");
        assertTrue(required.containsAll(REQUIRED_IN_ENV), "required with ${NAME:?...}: " + required);

        for (Map.Entry<String, Object> e : composeServices().entrySet()) {
            for (Map.Entry<String, Object> v : map(map(e.getValue()).get("environment")).entrySet()) {
                if (SECRET_NAME.matcher(v.getKey()).find()) {
                    assertTrue(String.valueOf(v.getValue()).contains("${"),
                            e.getKey() + " ships a literal " + v.getKey() + ": " + v.getValue());
                }
            }
        }
    }

    @Test
    void kafkaSaslOverrideShipsNoSecretAndKeepsPlaintextInsideTheBrokersContainer() throws IOException {
        String override = Files.readString(ROOT.resolve("deploy/kafka/compose.sasl.yml"));
        Matcher m = INTERPOLATION.matcher(override);
        while (m.find()) {
            assertTrue(!SECRET_NAME.matcher(m.group(1)).find() || "?".equals(m.group(2)) || ":?".equals(m.group(2)),
                    "the SASL override ships or silently empties " + m.group());
        }
        Map<String, Object> kafka = map(map(map(new Yaml().<Map<String, Object>>load(override).get("services"))
                .get("kafka")).get("environment"));
        Map<String, String> protocols = new java.util.HashMap<>();
        for (String pair : String.valueOf(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).split(",")) {
            protocols.put(pair.split(":")[0], pair.split(":")[1]);
        }
        for (String listener : String.valueOf(kafka.get("KAFKA_LISTENERS")).split(",")) {
            String name = listener.substring(0, listener.indexOf("://"));
            String host = listener.substring(listener.indexOf("://") + 3, listener.lastIndexOf(':'));
            if (!protocols.get(name).startsWith("SASL_SSL")) {
                assertEquals("127.0.0.1", host, listener + " is " + protocols.get(name) + " on a network");
            }
        }
    }

    @Test
    void composeTopicBrowserIsReadOnlyAndBehindALogin() throws IOException {
        Map<String, Object> env = map(map(composeServices().get("kafka-ui")).get("environment"));
        assertEquals("true", String.valueOf(env.get("KAFKA_CLUSTERS_0_READONLY")));
        assertEquals("LOGIN_FORM", env.get("AUTH_TYPE"));
        Map<String, Object> grafana = map(map(composeServices().get("grafana")).get("environment"));
        assertEquals("false", String.valueOf(grafana.get("GF_AUTH_ANONYMOUS_ENABLED")));
    }

    @Test
    void prometheusScrapesWithTheReadTokenFromAFileNotFromTheConfig() throws IOException {
        Map<String, Object> prometheus = new Yaml().load(Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml")));
        for (Object job : list(prometheus.get("scrape_configs"))) {
            Map<String, Object> authorization = map(map(job).get("authorization"));
            assertEquals("/run/secrets/earshot_read_token", authorization.get("credentials_file"), job.toString());
            assertFalse(authorization.containsKey("credentials"), "a token written into prometheus.yml");
        }
        Map<String, Object> service = map(composeServices().get("prometheus"));
        assertTrue(list(service.get("secrets")).contains("earshot_read_token"), service.toString());
    }

    @Test
    void kubernetesSecretShipsOnlyValuesEveryServiceRefuses() throws IOException {
        Map<String, Object> secret = new Yaml().load(Files.readString(ROOT.resolve("deploy/kubernetes/secret.yaml")));
        Map<String, Object> values = map(secret.get("stringData"));
        assertTrue(values.keySet().containsAll(List.of("EARSHOT_API_TOKEN", "EARSHOT_READ_TOKEN", "EARSHOT_ACK_SECRET")),
                values.keySet().toString());
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String value = String.valueOf(e.getValue());
            assertTrue(Secrets.isPlaceholder(value), e.getKey() + " ships a value a service would accept: " + value);
            assertThrows(IllegalStateException.class, () -> Secrets.requireUsable(e.getKey(), value), e.getKey());
        }
    }

    @Test
    void everyGuardedServiceGetsBothTokensInComposeAndFromTheKubernetesSecret() throws IOException {
        Map<String, Object> services = composeServices();
        for (String module : guardedServices()) {
            Map<String, Object> env = map(map(services.get(module)).get("environment"));
            assertTrue(env.containsKey("EARSHOT_API_TOKEN") && env.containsKey("EARSHOT_READ_TOKEN"),
                    module + " is guarded by the access module but compose gives it no tokens: " + env.keySet());
            Map<String, String> fromSecret = new java.util.HashMap<>();
            for (Object e : list(deploymentContainer(module).get("env"))) {
                Map<String, Object> secretRef = map(map(map(e).get("valueFrom")).get("secretKeyRef"));
                if (!secretRef.isEmpty()) {
                    fromSecret.put((String) map(e).get("name"), (String) secretRef.get("key"));
                }
            }
            assertEquals("EARSHOT_API_TOKEN", fromSecret.get("EARSHOT_API_TOKEN"), module);
            assertEquals("EARSHOT_READ_TOKEN", fromSecret.get("EARSHOT_READ_TOKEN"), module);
        }
    }

    @Test
    void kafkaAclsCoverEveryTopicTheTopicScriptCreates() throws IOException {
        // create-topics.sh creates exactly the rows of the topic table (events' TopicTableTest checks that).
        String acls = Files.readString(ROOT.resolve("deploy/kafka/create-acls.sh"));
        Set<String> topics = new LinkedHashSet<>();
        for (TopicTable.Topic topic : TopicTable.all()) {
            topics.add(topic.name());
        }
        assertTrue(topics.size() >= 10, topics.toString());
        List<String> uncovered = new ArrayList<>();
        for (String topic : topics) {
            // Either named, or under a prefix the script grants (alert-service-, earshot-ingest-).
            boolean named = acls.contains("topic " + topic + " ") || acls.contains("topic " + topic + "\n");
            boolean prefixed = (topic.startsWith("alert-service-") && acls.contains("--resource-pattern-type prefixed --topic alert-service-"))
                    || (topic.startsWith("earshot-ingest-") && acls.contains("--resource-pattern-type prefixed --topic earshot-ingest-"));
            if (!named && !prefixed) {
                uncovered.add(topic);
            }
        }
        assertEquals(List.of(), uncovered, "topics no principal is granted");
        for (String group : List.of("sentiment-service", "earshot-ingest-pollers", "alert-service", "earshot-console")) {
            assertTrue(acls.contains("--group " + group), "no ACL for consumer group " + group);
        }
        assertTrue(acls.contains("--transactional-id alert-service"), "Kafka Streams exactly-once needs its transactional ids");
    }

    @Test
    void dockerfileInputsExistAfterPackage() throws IOException {
        for (String module : MODULES) {
            Path moduleDir = ROOT.resolve(module);
            String dockerfile = Files.readString(moduleDir.resolve("src/main/docker/Dockerfile.jvm"));
            // The compose smoke builds every image on its local JRE image; each runs as the image's user 185.
            assertTrue(dockerfile.contains("ARG BASE_IMAGE="), module + ": the base image is not a build argument");
            assertTrue(dockerfile.trim().lines().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("")
                    .equals("USER 185"), module + " does not end as the non-root user 185");
            assertTrue(dockerfile.contains("HEALTHCHECK") && dockerfile.contains("/q/health/ready"), module + ": no health check");
            Matcher copy = COPY.matcher(dockerfile);
            int copies = 0;
            while (copy.find()) {
                copies++;
                String source = copy.group(1);
                if (source.contains("*")) {
                    Path dir = moduleDir.resolve(source.substring(0, source.lastIndexOf('/')));
                    String suffix = source.substring(source.lastIndexOf('*') + 1);
                    try (Stream<Path> files = Files.list(dir)) {
                        assertTrue(files.anyMatch(f -> f.toString().endsWith(suffix)), module + ": nothing for " + source);
                    }
                } else {
                    assertTrue(Files.exists(moduleDir.resolve(source)), module + ": missing " + source);
                }
            }
            assertEquals(4, copies, module + " copies the four layers of the Quarkus app");
        }
    }

    @Test
    void composeConsoleStartsAfterAHealthyPostgresAndKafkaAndLogsInToItsDatabase() throws IOException {
        Map<String, Object> services = composeServices();
        Map<String, Object> console = map(services.get("console"));
        Map<String, Object> postgres = map(services.get("postgres"));
        Map<String, Object> dependsOn = map(console.get("depends_on"));
        assertEquals("service_healthy", map(dependsOn.get("postgres")).get("condition"), dependsOn.toString());
        assertEquals("service_healthy", map(dependsOn.get("kafka")).get("condition"), dependsOn.toString());
        String healthcheck = String.valueOf(map(postgres.get("healthcheck")).get("test"));
        assertTrue(healthcheck.contains("pg_isready"), healthcheck);

        Map<String, Object> pgEnv = map(postgres.get("environment"));
        Map<String, Object> env = map(console.get("environment"));
        assertEquals(pgEnv.get("POSTGRES_PASSWORD"), env.get("EARSHOT_CONSOLE_DB_PASSWORD"), "one password, from .env");
        assertEquals(pgEnv.get("POSTGRES_USER"), env.get("EARSHOT_CONSOLE_DB_USER"));
        assertEquals("jdbc:postgresql://postgres:5432/" + pgEnv.get("POSTGRES_DB"), env.get("EARSHOT_CONSOLE_DB_URL"));
        assertEquals("http://alert-service:8083", env.get("EARSHOT_ALERT_URL"), "actions go to alert-service");
        assertEquals(List.of(), list(postgres.get("ports")), "the database is reachable on the compose network only");
        assertTrue(list(postgres.get("volumes")).stream().anyMatch(v -> v.toString().endsWith(":/var/lib/postgresql/data")),
                "the database's data are not in a volume");

        // Who may log in: a file given as a compose secret, which QUARKUS_CONFIG_LOCATIONS names. Quarkus skips a
        // file whose name does not end in .properties without a word (the first smoke with the console did).
        Map<String, Object> users = map(list(console.get("secrets")).get(0));
        assertEquals("console_users", users.get("source"), console.toString());
        assertEquals("/run/secrets/" + users.get("target"), env.get("QUARKUS_CONFIG_LOCATIONS"));
        assertTrue(String.valueOf(env.get("QUARKUS_CONFIG_LOCATIONS")).endsWith(".properties"), env.toString());
        Map<String, Object> secrets = map(new Yaml().<Map<String, Object>>load(
                Files.readString(ROOT.resolve("docker-compose.yml"))).get("secrets"));
        assertTrue(String.valueOf(map(secrets.get("console_users")).get("file")).contains("deploy/console/users.properties"));
        assertTrue(Files.readString(ROOT.resolve("deploy/console/.gitignore")).lines().anyMatch("users.properties"::equals),
                "the users file would be committed");
    }

    @Test
    void generateSecretsWritesEverySecretComposeRequires() throws IOException {
        String script = Files.readString(ROOT.resolve("deploy/generate-secrets.sh"));
        for (String name : REQUIRED_IN_ENV) {
            assertTrue(script.contains(name), "deploy/generate-secrets.sh does not generate " + name);
        }
        assertTrue(script.contains("dev.earshot.local.ConsoleUsers \"$users\""), "the console's users file is not made");
    }

    @Test
    void composeSmokeOverridesOnlyServicesComposeHasAndRunsTheConsoleOnItsDatabase() throws IOException {
        Map<String, Object> smoke = map(new Yaml().<Map<String, Object>>load(
                Files.readString(ROOT.resolve("deploy/compose-smoke/compose.smoke.yml"))).get("services"));
        assertTrue(composeServices().keySet().containsAll(smoke.keySet()), "the smoke overrides unknown services: " + smoke.keySet());
        assertTrue(smoke.keySet().containsAll(List.of("postgres", "console")), smoke.keySet().toString());
        Map<String, Object> env = map(map(smoke.get("console")).get("environment"));
        assertEquals("jdbc:postgresql://127.0.0.1:5432/earshot_console", env.get("EARSHOT_CONSOLE_DB_URL"));
        String script = Files.readString(ROOT.resolve("deploy/compose-smoke/smoke.sh"));
        assertTrue(script.contains("mailpit postgres \"${services[@]}\"") && script.contains("console)"),
                "the smoke does not start and wait for postgres and the console");
        assertTrue(script.contains("/j_security_check") && script.contains("http://127.0.0.1:8084/incidents"),
                "the smoke does not look for the incident on the console");
    }

    @Test
    void kubernetesConsoleUsesAManagedPostgresAndUsersFromSecrets() throws IOException {
        Map<String, Object> container = deploymentContainer("console");
        Map<String, String> fromSecret = new java.util.HashMap<>();
        Map<String, Object> plain = new java.util.HashMap<>();
        for (Object e : list(container.get("env"))) {
            Map<String, Object> ref = map(map(map(e).get("valueFrom")).get("secretKeyRef"));
            if (!ref.isEmpty()) {
                fromSecret.put((String) map(e).get("name"), ref.get("name") + "/" + ref.get("key"));
            } else {
                plain.put((String) map(e).get("name"), map(e).get("value"));
            }
        }
        for (String db : List.of("EARSHOT_CONSOLE_DB_URL", "EARSHOT_CONSOLE_DB_USER", "EARSHOT_CONSOLE_DB_PASSWORD")) {
            assertEquals("earshot-console-db/" + db, fromSecret.get(db), db + " is not from the database's Secret");
        }
        String mountPath = (String) map(list(container.get("volumeMounts")).get(0)).get("mountPath");
        assertEquals(mountPath + "/users.properties", plain.get("QUARKUS_CONFIG_LOCATIONS"), "ends in .properties, or Quarkus skips it");
        assertEquals("http://alert-service:8083", plain.get("EARSHOT_ALERT_URL"));

        List<String> names = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(ROOT.resolve("deploy/kubernetes/console-secrets.yaml")))) {
            Map<String, Object> secret = map(doc);
            names.add((String) map(secret.get("metadata")).get("name"));
            for (Map.Entry<String, Object> v : map(secret.get("stringData")).entrySet()) {
                assertTrue(String.valueOf(v.getValue()).contains("REPLACE_ME"), v.getKey() + " ships a usable value");
            }
        }
        assertEquals(List.of("earshot-console-db", "earshot-console-users"), names);
        String kustomization = Files.readString(ROOT.resolve("deploy/kubernetes/kustomization.yaml"));
        assertTrue(kustomization.contains("- console.yaml") && kustomization.contains("- console-secrets.yaml"), kustomization);
    }

    /** The services whose HTTP routes the access module guards (they read the two tokens). */
    private static List<String> guardedServices() throws IOException {
        List<String> guarded = new ArrayList<>();
        for (String module : MODULES) {
            if (Files.readString(ROOT.resolve(module).resolve("pom.xml")).contains("<artifactId>earshot-access</artifactId>")) {
                guarded.add(module);
            }
        }
        return guarded;
    }

    /**
     * The settings a service reads from the environment: its application.properties and, once it
     * depends on the access module, that module's (the two tokens' names live there).
     */
    private static String readableSettings(String module) throws IOException {
        String properties = Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.properties"));
        if (guardedServices().contains(module)) {
            properties += "\n" + Files.readString(ROOT.resolve("access/src/main/resources/META-INF/microprofile-config.properties"));
        }
        return properties;
    }

    private static boolean reads(String properties, String variable) {
        return properties.contains("${" + variable + ":") || properties.contains("${" + variable + "}");
    }

    /** Short syntax {@code "127.0.0.1:8081:8081"} or long syntax with {@code host_ip}. */
    private static boolean publishedOnLoopback(Object port) {
        if (port instanceof Map<?, ?> longSyntax) {
            return isLoopback(String.valueOf(longSyntax.get("host_ip")));
        }
        String spec = port.toString();
        if (spec.startsWith("[")) { // [::1]:8081:8081
            return isLoopback(spec.substring(1, spec.indexOf(']')));
        }
        String[] parts = spec.split(":");
        return parts.length == 3 && isLoopback(parts[0]);
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("::1");
    }

    private static Map<String, Object> deploymentContainer(String module) throws IOException {
        for (Object doc : new Yaml().loadAll(Files.readString(ROOT.resolve("deploy/kubernetes").resolve(module + ".yaml")))) {
            Map<String, Object> resource = map(doc);
            if ("Deployment".equals(resource.get("kind"))) {
                return map(list(map(map(map(resource.get("spec")).get("template")).get("spec")).get("containers")).get(0));
            }
        }
        throw new AssertionError(module + ".yaml has no Deployment");
    }

    private static Map<String, Object> composeServices() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return map(compose.get("services"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}
