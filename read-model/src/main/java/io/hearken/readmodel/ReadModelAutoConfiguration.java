package io.hearken.readmodel;

import io.hearken.readmodel.elasticsearch.ElasticsearchConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** The Elasticsearch client and the read side of the complaints indices, for any module that reads them. */
@AutoConfiguration
@Import({ElasticsearchConfiguration.class, ComplaintLookup.class, TrackingIdsInUse.class, FreshTrackingIds.class,
        OpenComplaintsOfContact.class, ComplaintListing.class})
public class ReadModelAutoConfiguration {
}
