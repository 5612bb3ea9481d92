package io.hearken.router.engine;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hearken.router.*}. Every file is optional: without one the shipped default is used.
 *
 * @param model a model file written by {@code router.jar train}; default: trained at start-up from the shipped set
 * @param rules classification rules YAML
 * @param routingTable routing table YAML
 * @param sla SLA and business-hours YAML
 * @param confidenceThreshold below it a complaint goes to the triage queue
 * @param duplicateWindow how far back a similar complaint at the same place is the same incident
 * @param repeatWindow how far back an earlier complaint from the same place or resident makes a repeat
 * @param similarity the text similarity (0–1, character bigrams) that makes a duplicate
 * @param duplicateCandidates how many of a building's complaints of the category in the duplicate window a new
 *        complaint is compared with, the newest (a window that holds no more: all of them)
 * @param applicationId the Kafka Streams application id (consumer group, internal topic prefix)
 * @param stateMemory native memory (RocksDB block cache and memtables) shared by all the router's state stores in the
 *        process ({@link BoundedStateMemory}); the stores' folder is {@code spring.kafka.streams.state-dir}
 * @param slaCheckInterval how often the SLA clock looks at the deadlines
 * @param engineEnabled {@code false} keeps the Streams engine off (the triage API still works)
 * @param modelReloadInterval how often the {@code model} file is checked for a new model (0: never; a restart loads it)
 * @param historyPruneMargin history entries older than the longer window plus this are pruned from the store (and
 *        expire on {@code router.history}); a complaint that reaches the router this much later than it was received
 *        may miss links to complaints that old
 */
@ConfigurationProperties("hearken.router")
public record RouterProperties(Path model, Path rules, Path routingTable, Path sla,
        @DefaultValue("0.45") double confidenceThreshold,
        @DefaultValue("24h") Duration duplicateWindow,
        @DefaultValue("30d") Duration repeatWindow,
        @DefaultValue("0.3") double similarity,
        @DefaultValue("hearken-router") String applicationId,
        @DefaultValue("64MB") DataSize stateMemory,
        @DefaultValue("10s") Duration slaCheckInterval,
        @DefaultValue("true") boolean engineEnabled,
        @DefaultValue("30s") Duration modelReloadInterval,
        @DefaultValue("5d") Duration historyPruneMargin,
        @DefaultValue("50") int duplicateCandidates) {

    /** How long the history keeps an entry: the longer of the two windows, plus the margin. */
    public Duration historyKept() {
        return (duplicateWindow.compareTo(repeatWindow) >= 0 ? duplicateWindow : repeatWindow).plus(historyPruneMargin);
    }
}
