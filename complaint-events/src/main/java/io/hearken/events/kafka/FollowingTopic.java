package io.hearken.events.kafka;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * A bean whose memory is a topic followed by a {@link TopicTail}: the tail starts and stops with the application,
 * in the phase given. {@link #BEFORE_LISTENERS} (the notifier's directory, ledger and opt-outs) starts reading
 * before spring-kafka's listener containers (phase {@code Integer.MAX_VALUE - 100}) hand over the first event, and
 * stops after them. The subclass makes its tail in its constructor (its sink is usually one of its own methods)
 * and hands it to {@link #follow}.
 */
public abstract class FollowingTopic implements SmartLifecycle {

    /** Started before the Kafka listener containers, stopped after them. */
    public static final int BEFORE_LISTENERS = 0;

    private final int phase;
    private TopicTail<?> tail;

    protected FollowingTopic(int phase) {
        this.phase = phase;
    }

    /** The tail this bean follows, set once in the subclass's constructor; returned for its own field. */
    protected final <V> TopicTail<V> follow(TopicTail<V> tail) {
        if (this.tail != null) {
            throw new IllegalStateException("already following a topic");
        }
        this.tail = tail;
        return tail;
    }

    /** {@code true} once everything that was on the topic when it started has been read. */
    public boolean awaitLoaded(Duration timeout) {
        return tail.awaitCaughtUp(timeout);
    }

    /** How much of what was on the topic at start has been read: a view still loading shows partial data. */
    public TopicTail.Progress progress() {
        return tail.progress();
    }

    @Override
    public void start() {
        tail.start();
    }

    @Override
    public void stop() {
        tail.stop();
    }

    @Override
    public boolean isRunning() {
        return tail.isRunning();
    }

    @Override
    public int getPhase() {
        return phase;
    }
}
