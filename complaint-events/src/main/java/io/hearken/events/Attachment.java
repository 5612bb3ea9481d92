package io.hearken.events;

/** A file kept outside Kafka; {@code location} is where the channel stored it (a URI). */
public record Attachment(String fileName, String contentType, long size, String sha256, String location) {
}
