package dev.earshot.events;

/** The brand a mention is about: its stable id (the Kafka key) and the name people read. */
public record BrandRef(String id, String name) {
}
