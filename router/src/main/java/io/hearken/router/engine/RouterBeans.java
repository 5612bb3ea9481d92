package io.hearken.router.engine;

import io.hearken.events.Topics;
import io.hearken.events.kafka.TopicCatalogue;
import io.hearken.events.kafka.TopicKind;
import io.hearken.events.privacy.PersonalData;
import io.hearken.router.assignment.RoutingTable;
import io.hearken.router.classification.ClassificationRules;
import io.hearken.router.classification.Classifier;
import io.hearken.router.history.LinkingComplaint;
import io.hearken.router.routing.RoutingComplaints;
import io.hearken.router.sla.HolidayCalendar;
import io.hearken.router.sla.SlaConfig;
import io.hearken.router.sla.SlaPolicy;
import io.hearken.router.streams.RouterTopology;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The router's domain objects, built from {@link RouterProperties} (files) or the shipped defaults. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RouterProperties.class)
class RouterBeans {

    /** The model file, watched for a new model (swapped in without a restart). */
    @Bean
    ReloadingModel routerModel(RouterProperties properties) {
        return new ReloadingModel(properties.model(), properties.modelReloadInterval(), java.time.Clock.systemUTC());
    }

    @Bean
    Classifier routerClassifier(RouterProperties properties, ReloadingModel model) {
        ClassificationRules rules = properties.rules() != null ? ClassificationRules.load(properties.rules())
                : ClassificationRules.defaults();
        return new Classifier(model, rules, properties.confidenceThreshold(), "other");
    }

    @Bean
    RoutingTable routerRoutingTable(RouterProperties properties) {
        return properties.routingTable() != null ? RoutingTable.load(properties.routingTable()) : RoutingTable.defaults();
    }

    /** The SLA file's targets and office hours, with the public holidays of the yearly calendar files. */
    @Bean
    SlaPolicy routerSlaPolicy(RouterProperties properties, HolidayCalendar holidays) {
        return (properties.sla() != null ? SlaConfig.load(properties.sla()) : SlaConfig.defaults()).withHolidays(holidays);
    }

    @Bean
    RoutingComplaints routerLogic(Classifier classifier, RoutingTable table, SlaPolicy sla, RouterProperties properties,
            PersonalData privacy) {
        return new RoutingComplaints(classifier, table, sla,
                new LinkingComplaint(properties.duplicateWindow(), properties.repeatWindow(), properties.similarity(),
                        properties.duplicateCandidates()),
                privacy);
    }

    /** The history topic (a compacted window), the dead-letter topics and every department queue the table can name. */
    @Bean
    KafkaAdmin.NewTopics routerTopics(RoutingTable table, RouterProperties properties, TopicCatalogue catalogue) {
        List<NewTopic> topics = new ArrayList<>();
        // Only the longer window is ever looked back on; the store prunes what is older than it plus the margin too.
        topics.add(catalogue.window(RouterTopology.HISTORY_TOPIC, properties.historyKept()));
        for (String source : List.of(Topics.INTAKE_EMAIL, Topics.INTAKE_WEB, Topics.INTAKE_HOTLINE, Topics.INTAKE_DESK,
                Topics.UPDATES)) {
            topics.add(catalogue.topic(source + Topics.DEAD_LETTER_SUFFIX, TopicKind.DEAD_LETTERS));
        }
        List<String> departments = new ArrayList<>(table.departments());
        departments.add(io.hearken.events.Departments.TRIAGE);
        departments.add(io.hearken.events.Departments.MANAGEMENT);
        departments.stream().distinct().forEach(d -> topics.add(catalogue.topic(Topics.assignments(d), TopicKind.EVENTS)));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
