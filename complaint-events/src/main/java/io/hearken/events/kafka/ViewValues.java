package io.hearken.events.kafka;

import io.hearken.events.store.LocalStore;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Where a {@link CompactedTopicView} keeps its entries: decoded in a map on the heap, or as the view's encoded text
 * in a {@link LocalStore} on disk (decoded at each read), for a view that grows with history. Writes come under the
 * view's own lock, so the count kept here stays exact.
 */
interface ViewValues<V> extends AutoCloseable {

    V get(String key);

    /** {@code text} is {@code value} encoded. */
    void put(String key, V value, String text);

    void remove(String key);

    void clear();

    int size();

    /** On the heap a live view; on disk a copy of everything (read it rarely). */
    Map<String, V> asMap();

    @Override
    void close();

    static <V> ViewValues<V> onHeap() {
        return new OnHeap<>(new ConcurrentHashMap<>());
    }

    static <V> ViewValues<V> onDisk(LocalStore store, Function<String, V> decode) {
        return new OnDisk<>(store, decode, new AtomicInteger());
    }

    record OnHeap<V>(Map<String, V> values) implements ViewValues<V> {
        public V get(String key) {
            return values.get(key);
        }

        public void put(String key, V value, String text) {
            values.put(key, value);
        }

        public void remove(String key) {
            values.remove(key);
        }

        public void clear() {
            values.clear();
        }

        public int size() {
            return values.size();
        }

        public Map<String, V> asMap() {
            return Collections.unmodifiableMap(values);
        }

        public void close() {
            values.clear();
        }
    }

    /** {@code count}: how many keys are stored (changed under the view's lock). */
    record OnDisk<V>(LocalStore store, Function<String, V> decode, AtomicInteger count) implements ViewValues<V> {
        public V get(String key) {
            byte[] text = store.get(key);
            return text == null ? null : decode.apply(new String(text, StandardCharsets.UTF_8));
        }

        public void put(String key, V value, String text) {
            if (store.get(key) == null) {
                count.incrementAndGet();
            }
            store.put(key, text.getBytes(StandardCharsets.UTF_8));
        }

        public void remove(String key) {
            if (store.get(key) != null) {
                count.decrementAndGet();
                store.delete(key);
            }
        }

        public void clear() {
            store.deletePrefix("");
            count.set(0);
        }

        public int size() {
            return count.get();
        }

        public Map<String, V> asMap() {
            Map<String, V> all = new LinkedHashMap<>();
            store.forEach("", (key, text) -> all.put(key, decode.apply(new String(text, StandardCharsets.UTF_8))));
            return Collections.unmodifiableMap(all);
        }

        public void close() {
            store.close();
        }
    }
}
