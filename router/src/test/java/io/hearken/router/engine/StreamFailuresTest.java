package io.hearken.router.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamFailuresTest {

    @Test
    void aRefusalByTheBrokerStopsTheStreamsInsteadOfReplacingThreadsForEver() {
        Throwable wrongPassword = new StreamsException(new SaslAuthenticationException(
                "Authentication failed: Invalid username or password"));
        assertThat(StreamFailures.responseTo(wrongPassword)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(StreamFailures.refusal(wrongPassword)).hasMessageContaining("Invalid username or password");

        Throwable noRight = new StreamsException("task [0_1] failed", new TopicAuthorizationException(Set.of("complaints.routed")));
        assertThat(StreamFailures.responseTo(noRight)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(StreamFailures.responseTo(new GroupAuthorizationException("router"))).isEqualTo(
                StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void anythingElseGetsAFreshThread() {
        assertThat(StreamFailures.responseTo(new StreamsException(new TimeoutException("broker away"))))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(StreamFailures.responseTo(new IllegalStateException("a bug"))).isEqualTo(
                StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(StreamFailures.refusal(new IllegalStateException("a bug"))).isNull();
    }
}
