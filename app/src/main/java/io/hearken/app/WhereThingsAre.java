package io.hearken.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints, once everything is up, where a new user finds the pages and the servers. */
@Component
class WhereThingsAre {

    private static final Logger log = LoggerFactory.getLogger(WhereThingsAre.class);

    @EventListener(ApplicationReadyEvent.class)
    void on(ApplicationReadyEvent ready) {
        Environment env = ready.getApplicationContext().getEnvironment();
        String web = "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        log.info("""

                ────────────────────────────────────────────────────────────────────
                 Hearken is up ({} s)
                   resident form      {}/
                   tracking page      {}/track
                   department desk    {}/desk
                   dashboard          {}/dashboard
                   REST API           {}/api/v1   (OpenAPI: {}/v3/api-docs)
                   Open311 GeoReport  {}/open311/v2/services.json
                   health             {}/actuator/health
                   Kafka              {}
                   Elasticsearch      {}
                   SMTP / IMAP        {}:{} / {}  (mailbox {} / {})
                 Ctrl-C stops everything.
                ────────────────────────────────────────────────────────────────────""",
                String.format("%.1f", ready.getTimeTaken().toMillis() / 1000.0), web, web, web, web, web, web, web, web,
                env.getProperty("spring.kafka.bootstrap-servers"), env.getProperty("hearken.elasticsearch.uris"),
                env.getProperty("spring.mail.host"), env.getProperty("spring.mail.port"),
                env.getProperty("hearken.email.imap.port"), env.getProperty("hearken.email.imap.username"),
                env.getProperty("hearken.email.imap.password"));
    }
}
