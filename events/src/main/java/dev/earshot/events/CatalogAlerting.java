package dev.earshot.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A brand's own alert thresholds ({@code catalog-alerting.schema.json}); a null field keeps alert-service's default,
 * which is written in one place there, not here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogAlerting(Double instantThreshold, Double crisisThreshold, Double highSeverityBelow,
        List<String> crisisTerms, Integer spikeWindowMinutes, Double spikeMaxPValue, Integer spikeMinCount,
        Double priorPerDay, Double shareJump, Double driftDrop, Integer driftMinMentions) {

    public CatalogAlerting {
        crisisTerms = crisisTerms == null ? null : List.copyOf(crisisTerms);
    }
}
