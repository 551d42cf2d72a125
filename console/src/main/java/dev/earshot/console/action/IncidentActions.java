package dev.earshot.console.action;

import dev.earshot.access.Secrets;
import dev.earshot.console.ConsoleConfig;
import dev.earshot.events.EventJson;
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
import java.util.Map;
import java.util.Optional;

/**
 * Sends staff's incident actions (acknowledge, resolve, snooze, assign, unassign, note) to alert-service, which owns
 * incidents ({@code POST /api/incidents/{id}/...} with the
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
        return post(incidentId, action.path(), "by=" + encode(by)
                + (action == Action.SNOOZE ? "&minutes=" + snoozeMinutes : ""), null);
    }

    /** Assigns the incident to {@code to} (a user name), or takes its owner away when {@code to} is null or blank. */
    public Outcome assign(String incidentId, String to, String by) {
        if (to == null || to.isBlank()) {
            return post(incidentId, "unassign", "by=" + encode(by), null);
        }
        return post(incidentId, "assign", "to=" + encode(to.strip()) + "&by=" + encode(by), null);
    }

    /** Writes a note; alert-service cleans and bounds the text and refuses one too long or empty. */
    public Outcome note(String incidentId, String text, String by) {
        return post(incidentId, "note", "by=" + encode(by), EventJson.writeString(Map.of("text", text == null ? "" : text)));
    }

    private Outcome post(String incidentId, String action, String query, String json) {
        if (!Ids.isIncidentId(incidentId)) {
            return Outcome.NOT_AN_INCIDENT;
        }
        if (token.isEmpty()) {
            return Outcome.OFF;
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(alertUrl + "/api/incidents/" + incidentId + "/"
                        + action + "?" + query))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token.get());
        if (json == null) {
            req.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            req.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 == 2) {
                return Outcome.ACCEPTED;
            }
            Log.warnf("alert-service refused %s of %s: HTTP %d %s", action, incidentId, res.statusCode(),
                    res.body().length() > 300 ? res.body().substring(0, 300) : res.body());
            return Outcome.REFUSED;
        } catch (IOException e) {
            Log.warnf("alert-service did not answer %s of %s: %s", action, incidentId, e.toString());
            return Outcome.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.UNREACHABLE;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
