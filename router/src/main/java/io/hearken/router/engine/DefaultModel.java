package io.hearken.router.engine;

import io.hearken.router.classification.LabelledCsv;
import io.hearken.router.classification.LabelledText;
import io.hearken.router.classification.TextModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model the router uses: the configured file, or else the default one, trained from the shipped
 * labelled set (a few seconds) and cached in the temp folder under the set's hash, so later starts
 * only load it.
 */
public final class DefaultModel {

    public static final String TRAINING_SET = "/io/hearken/router/model/complaints-labelled.csv";
    private static final Logger log = LoggerFactory.getLogger(DefaultModel.class);

    private DefaultModel() {
    }

    public static TextModel load(Path configured) {
        if (configured != null) {
            if (Files.isRegularFile(configured)) {
                log.info("Router model: {}", configured);
                return TextModel.load(configured);
            }
            log.warn("hearken.router.model={} does not exist; using the default model", configured);
        }
        byte[] set = trainingSet();
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "hearken-router-model-" + hash(set) + ".bin");
        if (Files.isRegularFile(cache)) {
            try {
                return TextModel.load(cache);
            } catch (RuntimeException e) {
                log.warn("Ignoring an unreadable cached model {}: {}", cache, e.toString());
            }
        }
        long started = System.nanoTime();
        List<LabelledText> rows = LabelledCsv.read(new java.io.ByteArrayInputStream(set), "classpath:" + TRAINING_SET);
        TextModel model = TextModel.train(rows);
        log.info("Router default model trained on {} texts in {} ms", rows.size(), (System.nanoTime() - started) / 1_000_000);
        try {
            Path tmp = Files.createTempFile(cache.getParent(), "hearken-router-model", ".tmp");
            model.save(tmp);
            Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not cache the default model in {}: {}", cache, e.toString());
        }
        return model;
    }

    public static byte[] trainingSet() {
        try (InputStream in = DefaultModel.class.getResourceAsStream(TRAINING_SET)) {
            if (in == null) {
                throw new IllegalStateException("the shipped training set " + TRAINING_SET + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] set) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(TextModel.VERSION.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(set), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
