package io.hearken.notifier.notifying;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One complaint's records of a poll in the order of its events. A poll lists its partitions in no set order, so a
 * complaint's update on {@code complaints.updates} may be listed before its routing on {@code complaints.routed}:
 * each partition's records stay in offset order, and the partitions are merged by record timestamp (the time each
 * was written: an update is written after the routing it follows), ties in the poll's order.
 */
final class EventOrder {

    private EventOrder() {
    }

    /** {@code indexes} (into {@code records}, ascending) in event order. */
    static List<Integer> of(List<Integer> indexes, List<? extends ConsumerRecord<?, ?>> records) {
        Map<TopicPartition, Deque<Integer>> partitions = new LinkedHashMap<>();
        for (int i : indexes) {
            ConsumerRecord<?, ?> r = records.get(i);
            partitions.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), p -> new ArrayDeque<>()).add(i);
        }
        if (partitions.size() == 1) {
            return indexes;
        }
        List<Integer> ordered = new ArrayList<>(indexes.size());
        while (ordered.size() < indexes.size()) {
            Deque<Integer> next = null;
            for (Deque<Integer> p : partitions.values()) {
                if (!p.isEmpty() && (next == null || earlier(p.peekFirst(), next.peekFirst(), records))) {
                    next = p;
                }
            }
            ordered.add(next.pollFirst());
        }
        return ordered;
    }

    private static boolean earlier(int a, int b, List<? extends ConsumerRecord<?, ?>> records) {
        long ta = records.get(a).timestamp();
        long tb = records.get(b).timestamp();
        return ta < tb || ta == tb && a < b;
    }
}
