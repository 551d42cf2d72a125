package dev.earshot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final Pattern COPY = Pattern.compile("^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+\\S+$", Pattern.MULTILINE);

    @Test
    void composeRefersOnlyToFilesThatExist() throws IOException {
        Map<String, Object> services = composeServices();
        assertTrue(services.keySet().containsAll(List.of("kafka", "ingest-service", "sentiment-service",
                "alert-service", "mailpit", "prometheus", "grafana", "kafka-ui")), services.keySet().toString());
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
        for (String module : List.of("ingest-service", "sentiment-service", "alert-service")) {
            Map<String, Object> env = map(map(services.get(module)).get("environment"));
            String properties = Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.properties"));
            List<String> unread = new ArrayList<>();
            for (String variable : env.keySet()) {
                if (!IMAGE_VARIABLES.contains(variable) && !properties.contains("${" + variable + ":")
                        && !properties.contains("${" + variable + "}")) {
                    unread.add(variable);
                }
            }
            assertEquals(List.of(), unread, module + "'s application.properties reads none of these");
        }
    }

    @Test
    void kubernetesManifestsGiveServicesOnlyVariablesTheyRead() throws IOException {
        for (String module : List.of("ingest-service", "sentiment-service", "alert-service")) {
            String properties = Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.properties"));
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
                    boolean read = IMAGE_VARIABLES.contains(name) || name.equals("QUARKUS_HTTP_PORT")
                            || properties.contains("${" + name + ":") || properties.contains("${" + name + "}");
                    assertTrue(read, module + " is given " + name + " but does not read it");
                }
            }
        }
    }

    @Test
    void dockerfileInputsExistAfterPackage() throws IOException {
        for (String module : List.of("ingest-service", "sentiment-service", "alert-service")) {
            Path moduleDir = ROOT.resolve(module);
            String dockerfile = Files.readString(moduleDir.resolve("src/main/docker/Dockerfile.jvm"));
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
