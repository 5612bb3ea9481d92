package io.hearken.app;

import org.springframework.boot.test.context.SpringBootTest;

/** The walking skeleton on the embedded servers (a KRaft broker, an Elasticsearch node, GreenMail). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hearken.embedded.mode=test")
class WalkingSkeletonTest extends WalkingSkeletonChecks {
}
