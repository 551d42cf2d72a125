package dev.earshot.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the writer of a mention is doing. */
public enum Intent {
    @JsonProperty("complaint") COMPLAINT,
    @JsonProperty("praise") PRAISE,
    @JsonProperty("question") QUESTION,
    @JsonProperty("other") OTHER
}
