package io.hearken.intake.email.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MailReaderTest {

    private final MailReader reader = new MailReader(10L * 1024 * 1024);

    @Test
    void outlookGbkUnderAGb2312LabelWithASplitSubjectAndAGbkAttachmentName() throws Exception {
        ReadMail mail = reader.read(Corpus.message("outlook-gbk.eml"));

        assertThat(mail.subject()).isEqualTo("3号楼电梯困人，王喆报修");
        assertThat(mail.fromName()).isEqualTo("王喆");
        assertThat(mail.fromAddress()).isEqualTo("wangzhe@example.cn");
        assertThat(mail.text()).contains("3号楼东侧电梯今天早上8点困人", "住户王喆（1203室）").doesNotContain("<p>");
        assertThat(mail.files()).singleElement().satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("电梯维修照片.jpg");
            assertThat(f.contentType()).isEqualTo("image/jpeg");
            assertThat(f.bytes()).startsWith((byte) 0xff, (byte) 0xd8);
        });
        assertThat(mail.messageId()).isEqualTo("<000001db3d2a$5e1c7a20$1a556e60$@example.cn>");
        assertThat(Texts.guessLanguage(mail.subject(), mail.text())).isEqualTo("zh-CN");
    }

    @Test
    void appleMailHtmlOnlyBecomesCleanText() throws Exception {
        ReadMail mail = reader.read(Corpus.message("apple-html-only.eml"));

        assertThat(mail.text()).isEqualTo("""
                Hello,

                The heating in Building 5, unit 402 has been off since Friday. It is 12°C inside and we have a baby at home.

                Please send someone today.

                Emily Clarke
                Tel. 138 1234 5678""");
        assertThat(mail.fromName()).isEqualTo("Emily Clarke");
        assertThat(Texts.guessLanguage(mail.subject(), mail.text())).isEqualTo("en");
    }

    @Test
    void gmailAlternativeWithAPhotoNamedByRfc2231() throws Exception {
        ReadMail mail = reader.read(Corpus.message("gmail-photo.eml"));

        assertThat(mail.subject()).isEqualTo("垃圾没人清理");
        assertThat(mail.fromName()).isEqualTo("李娜");
        assertThat(mail.text()).startsWith("门口的垃圾三天没人清理了，味道很大，照片见附件。");
        assertThat(mail.files()).singleElement().satisfies(f -> assertThat(f.fileName()).isEqualTo("门口.jpg"));
    }

    @Test
    void aForwardedBig5ComplaintIsIncludedInTheText() throws Exception {
        ReadMail mail = reader.read(Corpus.message("forwarded.eml"));

        assertThat(mail.forwarded()).isTrue();
        assertThat(mail.subject()).isEqualTo("Fwd: 大廳燈壞了");
        assertThat(mail.text()).contains("之前发给旧物业的", "Forwarded message", "Subject: 大廳燈壞了",
                "大廳的燈壞了一個星期，晚上很暗，老人容易跌倒。");
    }

    @Test
    void aReplyKeepsOnlyWhatIsNewWithoutTheChineseQuoteHeaderOrSignature() throws Exception {
        ReadMail mail = reader.read(Corpus.message("reply-to-ack.eml"));

        assertThat(mail.subject()).isEqualTo("回复： [HK-7K2M-9QXD] 我们已收到您的投诉");
        assertThat(mail.replyText()).isEqualTo("谢谢回复。补充一下：电梯今天下午又停了一次，还是在8楼。");
        assertThat(mail.inReplyTo()).isEqualTo("<HK-7K2M-9QXD.3f1c2a@hearken.local>");
    }

    @Test
    void aBounceReportNamesTheRecipientTheStatusAndOurOriginalMail() throws Exception {
        ReadMail mail = reader.read(Corpus.message("bounce.eml"));

        assertThat(mail.report()).isNotNull();
        assertThat(mail.report().recipient()).isEqualTo("no.such.person@example.net");
        assertThat(mail.report().status()).isEqualTo("5.1.1");
        assertThat(mail.report().permanent()).isTrue();
        assertThat(mail.report().originalMessageId()).isEqualTo("<HK-7K2M-9QXD.3f1c2a@hearken.local>");
        assertThat(mail.report().originalComplaintHeader()).isEqualTo("HK-7K2M-9QXD");
    }

    @Test
    void aSenderThatIsNoAddressIsUnreadable() {
        assertThatThrownBy(() -> reader.read(Corpus.message("malformed-from.eml")))
                .isInstanceOf(UnreadableMail.class).hasMessageContaining("no sender address");
    }

    @Test
    void aFromHeaderEncodedWholeAddressIncludedStillNamesTheSender() throws Exception {
        byte[] raw = TestMails.plain("=?utf-8?b?546L5ZaGIDx3YW5nemhlQGV4YW1wbGUuY24+?=", "<whole-from@example.cn>", "Hi", "x");
        ReadMail mail = reader.read(Corpus.parse(raw));

        assertThat(mail.fromAddress()).isEqualTo("wangzhe@example.cn");
        assertThat(mail.fromName()).isEqualTo("王喆");
    }

    @Test
    void mislabelledAndUnlabelledGbkIsRepairedAndABrokenDateIsNoProblem() throws Exception {
        ReadMail mail = reader.read(Corpus.message("mislabelled.eml"));

        assertThat(mail.subject()).isEqualTo("楼上每天半夜装修噪音");
        assertThat(mail.text()).isEqualTo("楼上1502每天晚上11点以后还在装修，电钻声音很大，影响休息。希望物业出面管一管。");
    }

    @Test
    void anEmptyBodyKeepsItsSubject() throws Exception {
        ReadMail mail = reader.read(Corpus.message("empty-body.eml"));

        assertThat(mail.subject()).isEqualTo("6栋楼道灯坏了");
        assertThat(mail.text()).isEmpty();
        assertThat(mail.fromName()).isEqualTo("赵敏");
    }

    @Test
    void anAttachmentOverTheLimitIsLeftOutAndNoted() throws Exception {
        byte[] raw = TestMails.withAttachment("big@example.com", "<big-1@example.com>", "Photos of the leak",
                "See the video.", "leak.mp4", 3 * 1024 * 1024);
        ReadMail mail = new MailReader(1024 * 1024).read(Corpus.parse(raw));

        assertThat(mail.files()).isEmpty();
        assertThat(mail.notes()).singleElement().asString().contains("leak.mp4", "3.0 MB", "1.0 MB");
        assertThat(mail.text()).isEqualTo("See the video.");
    }

    @Test
    void charsetsAreDetectedWhenLabelsLie() {
        String text = "大廈管理處：停車場的閘門壞了三天，車子進不去。";
        assertThat(Charsets.decode(text.getBytes(java.nio.charset.Charset.forName("Big5")), "iso-8859-1")).isEqualTo(text);
        assertThat(Charsets.decode(text.getBytes(StandardCharsets.UTF_8), "us-ascii")).isEqualTo(text);
        String german = "Die Heizung im Gebäude fällt ständig aus, bitte prüfen Sie das schnellstmöglich.";
        assertThat(Charsets.decode(german.getBytes(java.nio.charset.Charset.forName("windows-1252")), "iso-8859-1"))
                .isEqualTo(german);
        String polish = "Zażółć gęślą jaźń";
        assertThat(Charsets.decode(polish.getBytes(java.nio.charset.Charset.forName("ISO-8859-2")), "iso-8859-2"))
                .isEqualTo(polish);
        assertThat(EncodedWords.decode("=?utf-8?q?=E7=94=B5=E6=A2=AF?= =?utf-8?q?=E5=9D=8F=E4=BA=86?=")).isEqualTo("电梯坏了");
    }

    @Test
    void anHtmlMailWithAnInlineImageKeepsTheImageAndCleanText() throws Exception {
        String raw = """
                From: =?UTF-8?B?5byg5Lyf?= <zhang.wei@example.com>
                To: complaints@hearken.local
                Subject: =?UTF-8?Q?=E5=A2=99=E9=9D=A2=E5=8F=91=E9=9C=89?=
                Message-ID: <inline-1@example.com>
                MIME-Version: 1.0
                Content-Type: multipart/related; boundary="rel"; type="text/html"

                --rel
                Content-Type: text/html; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                <html><body><p>=E5=8D=A7=E5=AE=A4=E5=A2=99=E9=9D=A2=E5=8F=91=E9=9C=89=EF=BC=9A</p><img src=3D"cid:img1@x"></body></html>
                --rel
                Content-Type: image/png
                Content-Transfer-Encoding: base64
                Content-ID: <img1@x>
                Content-Disposition: inline

                iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==
                --rel--
                """.replace("\n", "\r\n");
        ReadMail mail = reader.read(Corpus.parse(raw.getBytes(StandardCharsets.US_ASCII)));

        assertThat(mail.subject()).isEqualTo("墙面发霉");
        assertThat(mail.text()).isEqualTo("卧室墙面发霉：");
        assertThat(mail.files()).singleElement().satisfies(f -> {
            assertThat(f.inline()).isTrue();
            assertThat(f.contentType()).isEqualTo("image/png");
            assertThat(f.fileName()).isEqualTo("part-1.png");
            assertThat(f.bytes()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        });
    }

    @Test
    void cyrillicAndCentralEuropeanMailInTheirWindowsAndIsoCharsetsAndQuotedPrintable() throws Exception {
        String russian = "Во дворе дома 12 не работает освещение уже неделю.";
        String raw = "From: =?windows-1251?B?" + java.util.Base64.getEncoder().encodeToString(
                "Иван Петров".getBytes(java.nio.charset.Charset.forName("windows-1251"))) + "?= <ivan@example.ru>\r\n"
                + "Subject: =?koi8-r?Q?" + qp("Освещение".getBytes(java.nio.charset.Charset.forName("KOI8-R"))) + "?=\r\n"
                + "Message-ID: <ru-1@example.ru>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=windows-1251\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + qp(russian.getBytes(java.nio.charset.Charset.forName("windows-1251"))) + "\r\n";
        ReadMail mail = reader.read(Corpus.parse(raw.getBytes(StandardCharsets.US_ASCII)));

        assertThat(mail.fromName()).isEqualTo("Иван Петров");
        assertThat(mail.subject()).isEqualTo("Освещение");
        assertThat(mail.text()).isEqualTo(russian);
        String czech = "Příliš žluťoučký kůň úpěl ďábelské ódy.";
        assertThat(Charsets.decode(czech.getBytes(java.nio.charset.Charset.forName("windows-1250")), "windows-1250"))
                .isEqualTo(czech);
        assertThat(Charsets.decode(czech.getBytes(java.nio.charset.Charset.forName("ISO-8859-2")), "ISO-8859-2"))
                .isEqualTo(czech);
    }

    @Test
    void anHtmlOnlyReplyLosesGmailsQuotedHistory() throws Exception {
        String raw = """
                From: Emily Clarke <emily.clarke@icloud.com>
                To: complaints@hearken.local
                Subject: Re: [HK-7K2M-9QXD] We received your complaint
                Message-ID: <html-reply-1@example.com>
                In-Reply-To: <HK-7K2M-9QXD.3f1c2a@hearken.local>
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                <div dir="ltr">The heating is still off.</div><br><div class="gmail_quote"><div class="gmail_attr">On Mon, Hearken wrote:</div><blockquote class="gmail_quote">We received your complaint.</blockquote></div>
                """.replace("\n", "\r\n");
        ReadMail mail = reader.read(Corpus.parse(raw.getBytes(StandardCharsets.US_ASCII)));

        assertThat(mail.replyText()).isEqualTo("The heating is still off.");
        assertThat(mail.text()).contains("The heating is still off.", "We received your complaint.");
    }

    private static String qp(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("=%02X", b & 0xff));
        }
        return s.toString();
    }
}
