package dev.earshot.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The overall feeling of a mention. {@code UNKNOWN} means the scorer found no evidence at all. */
public enum Label {
    @JsonProperty("negative") NEGATIVE,
    @JsonProperty("neutral") NEUTRAL,
    @JsonProperty("positive") POSITIVE,
    @JsonProperty("unknown") UNKNOWN
}
