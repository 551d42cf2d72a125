package dev.earshot.console.action;

import dev.earshot.access.Secrets;
import dev.earshot.console.ConsoleConfig;
import dev.earshot.events.Ids;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends staff's incident actions to alert-service, which owns incidents ({@code POST /api/incidents/{id}/...} with the
 * API token). The console keeps no incident state: the change reaches its store when alert-service publishes the new
 * revision on {@code alerts}.
 */
@ApplicationScoped
public class IncidentActions {

    /** What staff can do to an incident from the console. */
    public enum Action {
        ACKNOWLEDGE, RESOLVE, SNOOZE;

        public String path() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Action> parse(String s) {
            for (Action a : values()) {
                if (a.path().equals(s)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }
    }

    /** How an action went. */
    public enum Outcome {
        /** alert-service took it; the new revision arrives on {@code alerts}. */
        ACCEPTED,
        /** alert-service answered with an error (no such incident, bad request, wrong token). */
        REFUSED,
        /** alert-service did not answer. */
        UNREACHABLE,
        /** The console has no API token: actions are off. */
        OFF,
        NOT_AN_INCIDENT
    }

    private final String alertUrl;
    private final Optional<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public IncidentActions(ConsoleConfig config) {
        this.alertUrl = config.alertUrl().replaceAll("/+$", "");
        this.token = config.alertToken().filter(t -> !t.isBlank()).map(t -> Secrets.requireUsable("EARSHOT_API_TOKEN", t));
    }

    public Outcome send(String incidentId, Action action, String by, int snoozeMinutes) {
        if (!Ids.isIncidentId(incidentId)) {
            return Outcome.NOT_AN_INCIDENT;
        }
        if (token.isEmpty()) {
            return Outcome.OFF;
        }
        String query = "?by=" + URLEncoder.encode(by, StandardCharsets.UTF_8)
                + (action == Action.SNOOZE ? "&minutes=" + snoozeMinutes : "");
        HttpRequest req = HttpRequest.newBuilder(URI.create(alertUrl + "/api/incidents/" + incidentId + "/"
                        + action.path() + query))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token.get())
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 == 2) {
                return Outcome.ACCEPTED;
            }
            Log.warnf("alert-service refused %s of %s: HTTP %d", action.path(), incidentId, res.statusCode());
            return Outcome.REFUSED;
        } catch (IOException e) {
            Log.warnf("alert-service did not answer %s of %s: %s", action.path(), incidentId, e.toString());
            return Outcome.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.UNREACHABLE;
        }
    }
}
