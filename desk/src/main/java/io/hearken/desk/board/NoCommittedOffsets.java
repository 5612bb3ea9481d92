package io.hearken.desk.board;

import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.stereotype.Component;

/**
 * The board's live listener commits no offsets: each start has a group of its own and seeks by time at assignment,
 * so committed offsets would never be read again, and they keep the last start's group alive with a lag that grows
 * for a week (offsets.retention.minutes) after it stopped, in every lag monitor. Manual acks, never given.
 */
@Component(NoCommittedOffsets.NAME)
class NoCommittedOffsets implements ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> {

    static final String NAME = "deskBoardNoCommittedOffsets";

    @Override
    public void postProcess(AbstractMessageListenerContainer<Object, Object> container) {
        container.getContainerProperties().setAckMode(AckMode.MANUAL);
    }
}
