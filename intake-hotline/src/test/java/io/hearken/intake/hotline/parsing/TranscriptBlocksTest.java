package io.hearken.intake.hotline.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.intake.hotline.call.Call;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Files cut into their calls as the readers read them, and written back without some, the rest unchanged. */
class TranscriptBlocksTest {

    final Transcripts transcripts = new Transcripts(Validation.buildDefaultValidatorFactory().getValidator(),
            TranscriptsTest.PROPERTIES);

    List<String> callIds(String text, TranscriptFormat format) {
        Parsed parsed = transcripts.parse(text.getBytes(StandardCharsets.UTF_8), format);
        return parsed.calls().stream().map(Call::callId).toList();
    }

    @Test
    void aCsvRecordWithAQuotedLineBreakIsOneCallAndTheHeaderStays() {
        String csv = "call_id,caller_number,transcript\r\nC1,13800001111,\"来电人：漏水\r\n坐席：好的\"\r\n\r\n"
                + "C2,13900002222,来电人：噪音\r\nC3,13700003333,来电人：门禁\r\n";
        TranscriptBlocks blocks = TranscriptBlocks.of(csv, TranscriptFormat.CSV);
        assertThat(blocks.calls()).hasSize(3);
        assertThat(blocks.calls().get(0)).contains("漏水").contains("坐席");

        String rest = blocks.without(call -> call.contains("13900002222"));
        // The blank line before C2 goes with it (a record starts where the previous one ended).
        assertThat(rest).isEqualTo("call_id,caller_number,transcript\r\nC1,13800001111,\"来电人：漏水\r\n坐席：好的\"\r\n"
                + "C3,13700003333,来电人：门禁\r\n");
        assertThat(callIds(rest, TranscriptFormat.CSV)).containsExactly("C1", "C3");
        assertThat(blocks.without(call -> true)).as("no call left").isNull();
        assertThat(callIds(blocks.alone(blocks.calls().get(1), TranscriptFormat.CSV), TranscriptFormat.CSV))
                .containsExactly("C2");
    }

    @Test
    void aJsonArrayLosesElementsAndStaysValid() {
        String json = "[\n  {\"call_id\": \"J1\", \"summary\": \"一\"},\n  {\"call_id\": \"J2\", \"summary\": \"二\"},\n"
                + "  {\"call_id\": \"J3\", \"summary\": \"三\", \"turns\": [{\"speaker\": \"caller\", \"text\": \"}{\"}]}\n]\n";
        TranscriptBlocks blocks = TranscriptBlocks.of(json, TranscriptFormat.JSON);
        assertThat(blocks.calls()).hasSize(3);
        assertThat(callIds(blocks.without(call -> call.contains("J1")), TranscriptFormat.JSON)).containsExactly("J2", "J3");
        assertThat(callIds(blocks.without(call -> call.contains("J3")), TranscriptFormat.JSON)).containsExactly("J1", "J2");
        assertThat(callIds(blocks.without(call -> call.contains("J2")), TranscriptFormat.JSON)).containsExactly("J1", "J3");
        String single = "{\"call_id\": \"J9\", \"summary\": \"只有一通\"}";
        assertThat(TranscriptBlocks.of(single, TranscriptFormat.JSON).without(call -> call.contains("J9"))).isNull();
    }

    @Test
    void theTruncatedEndOfAJsonFileIsABlockOfItsOwn() {
        String json = "[{\"call_id\": \"T1\", \"summary\": \"好\"}, {\"call_id\": \"T2\", \"summary\": \"13800001111 的来电被截";
        TranscriptBlocks blocks = TranscriptBlocks.of(json, TranscriptFormat.JSON);
        assertThat(blocks.calls()).hasSize(2);
        String rest = blocks.without(call -> call.contains("13800001111"));
        assertThat(rest).contains("T1").doesNotContain("13800001111");
    }

    @Test
    void textCallsBetweenSeparatorLinesGoOneByOne() {
        String text = "call_id: X1\n\n来电人：一号楼漏水\n---\ncall_id: X2\ncaller_number: 13900002222\n\n来电人：噪音\n"
                + "  ----  \ncall_id: X3\n\n来电人：门禁坏了\n";
        TranscriptBlocks blocks = TranscriptBlocks.of(text, TranscriptFormat.TEXT);
        assertThat(blocks.calls()).hasSize(3);
        String rest = blocks.without(call -> call.contains("13900002222"));
        assertThat(rest).doesNotContain("噪音");
        assertThat(callIds(rest, TranscriptFormat.TEXT)).containsExactly("X1", "X3");
        assertThat(callIds(blocks.without(call -> call.contains("X3")), TranscriptFormat.TEXT)).containsExactly("X1", "X2");
    }

    @Test
    void aCsvWhoseHeaderCannotBeReadIsOneBlock() {
        String csv = "\"call_id,summary\n13800001111,unclosed";
        TranscriptBlocks blocks = TranscriptBlocks.of(csv, TranscriptFormat.CSV);
        assertThat(blocks.calls()).containsExactly(csv);
        assertThat(blocks.without(call -> call.contains("13800001111"))).isNull();
    }

    @Test
    void aByteOrderMarkIsFoundToBeWrittenBack() {
        byte[] utf8 = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
        assertThat(TextDecoding.byteOrderMark(utf8)).hasSize(3);
        assertThat(TextDecoding.decode(utf8).text()).isEqualTo("a");
        assertThat(TextDecoding.byteOrderMark("call_id".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
