package dev.earshot.sentiment.api;

import dev.earshot.sentiment.scoring.Sentiment;
import dev.earshot.sentiment.scoring.Scorer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /api/score}: the scorer on demand, for people trying it and for dashboards. */
@Path("/api/score")
public class ScoreResource {

    private final Scorer scorer;

    public ScoreResource(Scorer scorer) {
        this.scorer = scorer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Score up to 1,000 texts", description = "Takes a JSON array of {\"text\": …, "
            + "\"rating\"?: {\"value\": 1, \"best\": 5}} and returns, in the same order, each text's score, "
            + "label, complaint flag, intent, aspects, explanation, language, rating conflict, confidence and "
            + "calibrated probabilities (negative, neutral, positive, complaint; null when the text was not scored).")
    public List<Sentiment> score(List<ScoreRequest> items) {
        ScoreRequest.validate(items);
        List<Sentiment> results = new ArrayList<>(items.size());
        for (ScoreRequest item : items) {
            results.add(scorer.score(item.text(), item.rating()));
        }
        return results;
    }
}
