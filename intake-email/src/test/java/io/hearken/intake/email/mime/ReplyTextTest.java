package io.hearken.intake.email.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTextTest {

    @Test
    void quotedHistoryAndSignaturesOfTheUsualClientsAreCut() {
        assertThat(ReplyText.newPart("Still broken.\n\nOn Mon, 23 Nov 2026 at 09:20, Hearken <complaints@hearken.local> wrote:\n> We got it."))
                .isEqualTo("Still broken.");
        assertThat(ReplyText.newPart("Still broken.\n\nOn Mon, 23 Nov 2026 at 09:20, Hearken <complaints@hearken.local>\nwrote:\n> We got it."))
                .isEqualTo("Still broken.");
        assertThat(ReplyText.newPart("Still broken.\n\n-----Original Message-----\nFrom: Hearken\nSent: Monday\n"))
                .isEqualTo("Still broken.");
        assertThat(ReplyText.newPart("Still broken.\n________________________________\nFrom: Hearken <c@h>\nSent: Monday\nTo: me"))
                .isEqualTo("Still broken.");
        assertThat(ReplyText.newPart("还是坏的。\n\n在 2026年11月23日 09:20，Hearken <complaints@hearken.local> 写道：\n> 已收到"))
                .isEqualTo("还是坏的。");
        assertThat(ReplyText.newPart("还是坏的。\n\n发件人: Hearken <complaints@hearken.local>\n发送时间: 2026年11月23日 9:20\n收件人: 我\n"))
                .isEqualTo("还是坏的。");
        assertThat(ReplyText.newPart("Still broken.\n-- \nJohn Smith\nFlat 12")).isEqualTo("Still broken.");
        assertThat(ReplyText.newPart("还是坏的。\n\n发自我的华为手机")).isEqualTo("还是坏的。");
        assertThat(ReplyText.newPart("From: the 3rd floor, the smell is strong.\nPlease check.")).isEqualTo(
                "From: the 3rd floor, the smell is strong.\nPlease check.");
    }
}
