package io.hearken.notifier;

import io.hearken.events.store.LocalStore;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;

/**
 * A {@link LocalStore} that fails cleanly once closed: a native call on a closed RocksDB would crash the JVM, and at
 * shutdown a sender or timer thread may still ask while the store closes. Every access holds the read lock, closing
 * takes the write lock.
 */
public final class GuardedStore implements AutoCloseable {

    private final LocalStore store;
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private boolean closed;

    public GuardedStore(LocalStore store) {
        this.store = store;
    }

    public byte[] get(String key) {
        lock();
        try {
            return store.get(key);
        } finally {
            closing.readLock().unlock();
        }
    }

    public void put(String key, byte[] value) {
        lock();
        try {
            store.put(key, value);
        } finally {
            closing.readLock().unlock();
        }
    }

    public void delete(String key) {
        lock();
        try {
            store.delete(key);
        } finally {
            closing.readLock().unlock();
        }
    }

    /** Each key that starts with {@code prefix}, with its value, in key order; closing waits for the walk. */
    public void forEach(String prefix, BiConsumer<String, byte[]> each) {
        lock();
        try {
            store.forEach(prefix, each);
        } finally {
            closing.readLock().unlock();
        }
    }

    /** Closes the store (its folder is deleted); later calls throw {@link IllegalStateException}. */
    @Override
    public void close() {
        closing.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                store.close();
            }
        } finally {
            closing.writeLock().unlock();
        }
    }

    private void lock() {
        closing.readLock().lock();
        if (closed) {
            closing.readLock().unlock();
            throw new IllegalStateException("The local store " + store.folder() + " is closed");
        }
    }
}
