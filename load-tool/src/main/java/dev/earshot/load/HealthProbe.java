package dev.earshot.load;

import dev.earshot.local.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;

/** Asks a running service whether it is live and ready, and which process it is. */
final class HealthProbe {

    record Status(boolean live, boolean ready, long pid) {
        boolean up() {
            return live && ready;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Status probe(ServiceProcess service) {
        return new Status(up(service.port(), "live"), up(service.port(), "ready"), pid(service.name()).orElse(-1));
    }

    private boolean up(int port, String check) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/" + check))
                .timeout(Duration.ofSeconds(15)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The process id of the module's JVM, found among this JVM's children by its jar
     * ({@link ServiceProcess} does not expose its process).
     */
    static OptionalLong pid(String module) {
        String jar = "/" + module + "/target/quarkus-app/quarkus-run.jar";
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(args -> java.util.Arrays.stream(args).anyMatch(a -> a.endsWith(jar)))
                        .orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst();
    }
}
