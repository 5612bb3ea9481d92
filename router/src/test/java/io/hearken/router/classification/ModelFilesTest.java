package io.hearken.router.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files: the linear model survives a save and load; files of the earlier SGD learner still load. */
class ModelFilesTest {

    @TempDir
    Path dir;

    private static List<LabelledText> rows() {
        List<LabelledText> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(new LabelledText("电梯坏了，第" + i + "次报修 lift broken", "facility"));
            rows.add(new LabelledText("楼上太吵了 " + i + " loud music at night", "noise"));
            rows.add(new LabelledText("物业费多收了 " + i + " overcharged on the bill", "fees"));
        }
        return rows;
    }

    @Test
    void theLinearModelPredictsTheSameAfterASaveAndALoad() {
        TextModel trained = TextModel.train(rows());
        Path file = dir.resolve("linear.bin");
        trained.save(file);
        TextModel loaded = TextModel.load(file);
        assertThat(loaded.labels()).containsExactly("facility", "fees", "noise");
        for (String text : List.of("电梯又坏了", "the music upstairs is too loud", "账单多收了钱")) {
            assertThat(loaded.predict(text)).isEqualTo(trained.predict(text));
        }
        assertThat(loaded.predict("电梯又坏了").get(0).label()).isEqualTo("facility");
    }

    @Test
    void aModelFileOfTheEarlierSgdLearnerStillLoads() {
        Path file = dir.resolve("sgd.bin");
        SgdTextModel.train(rows()).save(file);
        TextModel loaded = TextModel.load(file);
        assertThat(loaded).isInstanceOf(SgdTextModel.class);
        assertThat(loaded.predict("电梯又坏了").get(0).label()).isEqualTo("facility");
    }

    @Test
    void aFileThatIsNoModelIsAClearError() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "not a model");
        assertThatThrownBy(() -> TextModel.load(file)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot read model " + file);
    }
}
