package io.hearken.embedded;

import java.nio.file.Path;
import org.springframework.core.env.Environment;

/**
 * What to start, read from {@code hearken.embedded.*}. {@code mode}: {@code off} (default),
 * {@code all-in-one} (fixed ports, data kept in {@code ./data}) or {@code test} (free ports, temporary
 * data). A server is started only when no external address is configured for it. The mail server keeps
 * at most {@code hearken.embedded.mail.max-per-mailbox} mails in each mailbox but the complaints inbox, and
 * {@code hearken.embedded.mail.max-processed} in the complaints account's other folders, and
 * {@code hearken.embedded.mail.max-total} in all those folders together (each a tenth over it at most, see
 * {@code MailLimits}). {@code hearken.embedded.secured=true} starts
 * Kafka with a SASL-only client listener and Elasticsearch with security and HTTPS on (docs/operations.md), as
 * servers of their own beside the plain ones of the same JVM.
 */
public record EmbeddedSettings(boolean startKafka, boolean startElasticsearch, boolean startMail, int kafkaPort,
        int elasticsearchPort, int smtpPort, int imapPort, Path dataDir, boolean temporary,
        String elasticsearchHome, String elasticsearchHeap, int mailMaxPerMailbox, int mailMaxProcessed, int mailMaxTotal,
        boolean secured) {

    public enum Mode { OFF, ALL_IN_ONE, TEST }

    public static Mode mode(Environment env) {
        String mode = env.getProperty("hearken.embedded.mode", "off").strip().toUpperCase().replace('-', '_');
        return Mode.valueOf(mode);
    }

    public static boolean secured(Environment env) {
        return env.getProperty("hearken.embedded.secured", Boolean.class, false);
    }

    public static EmbeddedSettings from(Environment env) {
        boolean test = mode(env) == Mode.TEST;
        return from(env, test ? EmbeddedServers.temporaryDataDir()
                : Path.of(env.getProperty("hearken.embedded.data-dir", "data")));
    }

    /** The same, for servers whose data folder is already chosen (a later context of the same JVM). */
    static EmbeddedSettings from(Environment env, Path dataDir) {
        boolean test = mode(env) == Mode.TEST;
        return new EmbeddedSettings(
                !env.containsProperty("spring.kafka.bootstrap-servers"),
                !env.containsProperty("hearken.elasticsearch.uris"),
                !env.containsProperty("spring.mail.host"),
                port(env, "kafka.port", test ? 0 : 9092),
                port(env, "elasticsearch.port", test ? 0 : 9200),
                port(env, "mail.smtp-port", test ? 0 : 3025),
                port(env, "mail.imap-port", test ? 0 : 3143),
                dataDir,
                test,
                env.getProperty("hearken.embedded.elasticsearch.home"),
                // 256m in the all-in-one too: it indexes 10k+ complaints of history healthy (docs/operations.md).
                env.getProperty("hearken.embedded.elasticsearch.heap", "256m"),
                // Why these numbers: docs/operations.md, "The all-in-one".
                env.getProperty("hearken.embedded.mail.max-per-mailbox", Integer.class, 1_000),
                env.getProperty("hearken.embedded.mail.max-processed", Integer.class, 2_000),
                env.getProperty("hearken.embedded.mail.max-total", Integer.class, 3_000),
                secured(env));
    }

    private static int port(Environment env, String key, int fallback) {
        return env.getProperty("hearken.embedded." + key, Integer.class, fallback);
    }
}
