package io.hearken.router.classification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model trained from shipped files, kept in the temp folder under a hash of everything it was trained from: the
 * files, the model format's version and the trainer's own code (so a changed trainer never loads a stale model). Only
 * the first start of a build trains it, later starts load it. Two processes starting at once both train and the last
 * move wins: the two files are the same.
 */
public final class ModelCache {

    private static final Logger log = LoggerFactory.getLogger(ModelCache.class);

    private ModelCache() {
    }

    /** {@code name} names the file; {@code sources}: every input of {@code train} (sets, rules, options). */
    public static TextModel loadOrTrain(String name, Supplier<TextModel> train, byte[]... sources) {
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), name + "-" + hash(sources) + ".bin");
        if (Files.isRegularFile(cache) && ours(cache)) {
            try {
                return TextModel.load(cache);
            } catch (RuntimeException e) {
                log.warn("Ignoring an unreadable cached model {}: {}", cache, e.toString());
            }
        }
        long started = System.nanoTime();
        TextModel model = train.get();
        log.info("{} trained in {} ms", name, (System.nanoTime() - started) / 1_000_000);
        try {
            Path tmp = Files.createTempFile(cache.getParent(), name, ".tmp");
            model.save(tmp);
            Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not cache the model in {}: {}", cache, e.toString());
        }
        return model;
    }

    /** Only a file this user wrote: the temp folder may be shared, and a planted model would route complaints. */
    private static boolean ours(Path cache) {
        try {
            return Files.getOwner(cache).getName().equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** The bytecode of the classes a model's training runs through, as a source of {@link #loadOrTrain}. */
    public static byte[] code(Class<?>... classes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Class<?> type : classes) {
            try (var in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                if (in != null) {
                    out.write(in.readAllBytes());
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out.toByteArray();
    }

    private static String hash(byte[]... sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(TextModel.VERSION.getBytes(StandardCharsets.UTF_8));
            sha.update(code(LinearTrainer.class, LibLinearFits.class, TfidfVocabulary.class, TextFeatures.class,
                    LinearTextModel.class, Calibration.class));
            for (byte[] source : sources) {
                sha.update(Integer.toString(source.length).getBytes(StandardCharsets.UTF_8));
                sha.update(source);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
