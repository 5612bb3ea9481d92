package io.hearken.router.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelCacheTest {

    private static final List<LabelledText> ROWS = List.of(new LabelledText("电梯坏了", "facility"),
            new LabelledText("电梯不动了", "facility"), new LabelledText("楼道很脏", "environment"),
            new LabelledText("垃圾没人收", "environment"));

    @Test
    void trainsOncePerSourcesAndLoadsTheSameModelAfterwards() {
        String name = "hearken-cache-test-" + UUID.randomUUID();
        byte[] source = "set one".getBytes(StandardCharsets.UTF_8);
        AtomicInteger trainings = new AtomicInteger();
        TextModel first = ModelCache.loadOrTrain(name, () -> {
            trainings.incrementAndGet();
            return TextModel.train(ROWS);
        }, source);
        TextModel again = ModelCache.loadOrTrain(name, () -> {
            trainings.incrementAndGet();
            return TextModel.train(ROWS);
        }, source);
        assertThat(trainings).hasValue(1);
        assertThat(again.predict("电梯坏了").get(0).label()).isEqualTo(first.predict("电梯坏了").get(0).label())
                .isEqualTo("facility");

        ModelCache.loadOrTrain(name, () -> {
            trainings.incrementAndGet();
            return TextModel.train(ROWS);
        }, "set two".getBytes(StandardCharsets.UTF_8));
        assertThat(trainings).as("other sources, another model").hasValue(2);
    }
}
