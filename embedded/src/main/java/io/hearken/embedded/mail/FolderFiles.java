package io.hearken.embedded.mail;

import jakarta.mail.Flags;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One mail folder on disk: {@code <n>.eml} per message (the raw mail, its file time the date it arrived),
 * {@code <n>.flags} beside it while it has flags, and {@code folder.properties} (UIDVALIDITY, the next UID,
 * whether it holds mail). {@code n} is the message's UID; this class maps UIDs to file numbers so that
 * nothing breaks if a restored folder ever numbers its mail afresh. Not thread-safe: the folder locks.
 */
final class FolderFiles {

    /** A message found on disk at start-up. */
    record Saved(long number, Path file, Flags flags, Date received) {
    }

    private static final String META = "folder.properties";

    private Path dir;
    private final Map<Long, Long> numbers = new HashMap<>(); // UID in memory → file number
    private long lastNumber;
    private long savedUidNext;

    FolderFiles(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    boolean exists() {
        return Files.isRegularFile(dir.resolve(META));
    }

    Properties meta() {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(dir.resolve(META), StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        savedUidNext = Long.parseLong(p.getProperty("uidnext", "1"));
        return p;
    }

    void saveMeta(long uidValidity, long uidNext, boolean selectable) {
        saveMeta(uidValidity, uidNext, selectable, true);
    }

    /** {@code durable} false: not forced (a folder that holds no mail, whose file a crash may lose: it is made again). */
    void saveMeta(long uidValidity, long uidNext, boolean selectable, boolean durable) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
        String text = "uidvalidity=" + uidValidity + "\nuidnext=" + uidNext + "\nselectable=" + selectable + "\n";
        DiskWrites.write(dir.resolve(META), text.getBytes(StandardCharsets.ISO_8859_1), durable);
        savedUidNext = uidNext;
    }

    /** The next UID is only written down when a removal could otherwise let a UID be handed out twice. */
    boolean uidNextBehind(long removedUid) {
        return removedUid >= savedUidNext;
    }

    /** The messages on disk, oldest first; flag files whose mail is gone are dropped. */
    List<Saved> saved() {
        List<Saved> saved = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted(Comparator.comparingLong(FolderFiles::number)).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".eml") && number(file) > 0) {
                    long n = number(file);
                    Path flags = flagsFile(n);
                    saved.add(new Saved(n, file, Files.exists(flags) ? MessageFlags.parse(Files.readString(flags)) : new Flags(),
                            new Date(Files.getLastModifiedTime(file).toMillis())));
                } else if (name.endsWith(".tmp") || name.endsWith(".flags") && !Files.exists(eml(number(file)))) {
                    Files.deleteIfExists(file); // a write a crash cut short, or flags of mail already gone
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + dir, e);
        }
        return saved;
    }

    void adopt(long uid, long number) {
        numbers.put(uid, number);
        lastNumber = Math.max(lastNumber, number);
    }

    boolean has(long uid) {
        return numbers.containsKey(uid);
    }

    Set<Long> uids() {
        return Set.copyOf(numbers.keySet());
    }

    /** A new message: flags first, so the mail never shows up on disk without the flags it came with. */
    void add(long uid, byte[] raw, Flags flags, Date received, boolean durable) {
        long n = Math.max(uid, lastNumber + 1);
        writeFlags(n, flags, durable);
        DiskWrites.write(eml(n), raw, durable, FileTime.fromMillis(received.getTime()));
        adopt(uid, n);
    }

    void flags(long uid, Flags flags) {
        Long n = numbers.get(uid);
        if (n != null) {
            writeFlags(n, flags, false);
        }
    }

    void remove(long uid) {
        Long n = numbers.remove(uid);
        if (n != null) {
            DiskWrites.delete(eml(n));
            DiskWrites.delete(flagsFile(n));
        }
    }

    /** Lets go of a message that moves to another folder: its mail file, still here until the other folder takes it. */
    Path release(long uid) {
        Long n = numbers.remove(uid);
        return n == null ? null : eml(n);
    }

    /** Takes a moved message's mail file over by renaming it: no copy, and never lost in between. */
    void take(long uid, Path from, Flags flags) {
        long n = Math.max(uid, lastNumber + 1);
        writeFlags(n, flags, false);
        try {
            DiskWrites.move(from, eml(n));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + from + " to " + dir, e);
        }
        DiskWrites.delete(from.resolveSibling(from.getFileName().toString().replace(".eml", ".flags")));
        adopt(uid, n);
    }

    void moveTo(Path newDir) {
        try {
            DiskWrites.move(dir, newDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + dir + " to " + newDir, e);
        }
        dir = newDir;
    }

    void deleteAll() {
        numbers.clear();
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }

    private void writeFlags(long n, Flags flags, boolean durable) {
        String text = MessageFlags.format(flags);
        if (text.isEmpty()) {
            DiskWrites.delete(flagsFile(n));
        } else {
            DiskWrites.write(flagsFile(n), text.getBytes(StandardCharsets.UTF_8), durable);
        }
    }

    private Path eml(long n) {
        return dir.resolve(n + ".eml");
    }

    private Path flagsFile(long n) {
        return dir.resolve(n + ".flags");
    }

    private static long number(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        try {
            return Long.parseLong(dot < 0 ? name : name.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
