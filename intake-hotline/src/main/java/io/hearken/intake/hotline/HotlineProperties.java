package io.hearken.intake.hotline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearken.hotline.*}. Every value has a default, so the all-in-one needs no configuration.
 *
 * @param inbox          the watched folder; {@code processed/} and {@code rejected/} are its siblings
 * @param watch          whether to watch the folder at all (the REST upload works either way)
 * @param scanInterval   the periodic scan that backs up the WatchService (which may miss events, e.g. on NFS)
 * @param stableFor      a file is read only once its size and modification time stayed unchanged this long
 * @param zone           the zone of start times written without an offset (call-centre local time)
 * @param chunkSize      calls sent to Kafka together before waiting for their acknowledgements
 * @param ackTimeout     how long to wait for one chunk's acknowledgements before giving up on the file (for now)
 * @param progressEvery  a progress line in the log every this many calls of a file
 * @param callsTopic     compacted topic of processed call ids (the dedupe store that survives restarts); its name
 *                       must not match {@code intake\..+}, the pattern the router subscribes to (it holds no events)
 * @param callsRetention how long a call id is remembered there
 * @param maxFileBytes   larger files (and uploads) are rejected
 * @param apiKeys        keys the CTI system may send in {@code X-Api-Key} instead of a staff sign-in (the upload is
 *                       never open: without keys only signed-in staff may upload)
 * @param maxTurns       a call with more speaker turns is rejected (its line), the rest of the file goes on
 * @param maxTextChars   a call whose transcript, or whose turns together, are longer is rejected (its line)
 */
@ConfigurationProperties("hearken.hotline")
public record HotlineProperties(
        @DefaultValue("./data/hotline/inbox") Path inbox,
        @DefaultValue("true") boolean watch,
        @DefaultValue("5s") Duration scanInterval,
        @DefaultValue("2s") Duration stableFor,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("500") int chunkSize,
        @DefaultValue("30s") Duration ackTimeout,
        @DefaultValue("1000") int progressEvery,
        @DefaultValue("hotline.processed-calls") String callsTopic,
        @DefaultValue("400d") Duration callsRetention,
        @DefaultValue("67108864") long maxFileBytes,
        List<String> apiKeys,
        @DefaultValue("5000") int maxTurns,
        @DefaultValue("200000") int maxTextChars) {

    public HotlineProperties {
        apiKeys = apiKeys == null ? List.of() : apiKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
        chunkSize = Math.max(1, chunkSize);
        progressEvery = Math.max(1, progressEvery);
        maxTurns = Math.max(1, maxTurns);
        maxTextChars = Math.max(1, maxTextChars);
    }

    public Path processed() {
        return sibling("processed");
    }

    public Path rejected() {
        return sibling("rejected");
    }

    private Path sibling(String name) {
        Path absolute = inbox.toAbsolutePath().normalize();
        return absolute.getParent() == null ? absolute.resolve(name) : absolute.resolveSibling(name);
    }
}
