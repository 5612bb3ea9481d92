package io.hearken.intake.email.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.intake.email.mime.Corpus;
import io.hearken.intake.email.mime.MailReader;
import io.hearken.intake.email.mime.TestMails;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TriageTest {

    private final Triage triage = new Triage("hearken.local");
    private final MailReader reader = new MailReader(1024 * 1024);

    private Optional<Triage.Skip> skip(byte[] raw) throws Exception {
        return triage.skip(reader.read(Corpus.parse(raw)));
    }

    private Optional<Triage.Skip> skip(String corpusName) throws Exception {
        return skip(Corpus.bytes(corpusName));
    }

    @Test
    void theCorpusIsSortedAsExpected() throws Exception {
        assertThat(skip("out-of-office.eml")).contains(Triage.Skip.AUTO_REPLY);
        assertThat(skip("bounce.eml")).contains(Triage.Skip.BOUNCE);
        assertThat(skip("own-mail.eml")).contains(Triage.Skip.OWN_MAIL);
        for (String complaint : new String[] {"outlook-gbk.eml", "apple-html-only.eml", "gmail-photo.eml", "forwarded.eml",
                "reply-to-ack.eml", "mislabelled.eml", "empty-body.eml"}) {
            assertThat(skip(complaint)).as(complaint).isEmpty();
        }
    }

    @Test
    void theUsualAutoReplyMarksAreRecognised() throws Exception {
        String from = "a@example.com";
        assertThat(skip(TestMails.plain(from, "<1@x>", "Hi", "x", "Precedence: bulk"))).contains(Triage.Skip.BULK);
        assertThat(skip(TestMails.plain(from, "<2@x>", "Hi", "x", "Precedence: junk"))).contains(Triage.Skip.BULK);
        assertThat(skip(TestMails.plain(from, "<3@x>", "Hi", "x", "Precedence: list"))).contains(Triage.Skip.BULK);
        assertThat(skip(TestMails.plain(from, "<4@x>", "Hi", "x", "X-Autoreply: yes"))).contains(Triage.Skip.AUTO_REPLY);
        assertThat(skip(TestMails.plain(from, "<5@x>", "Hi", "x", "X-Autorespond: yes"))).contains(Triage.Skip.AUTO_REPLY);
        assertThat(skip(TestMails.plain(from, "<6@x>", "Hi", "x", "Auto-Submitted: auto-generated"))).contains(Triage.Skip.AUTO_REPLY);
        assertThat(skip(TestMails.plain(from, "<7@x>", "Hi", "x", "Auto-Submitted: no"))).isEmpty();
        assertThat(skip(TestMails.plain(from, "<8@x>", "Out of Office: back on Monday", "x"))).contains(Triage.Skip.AUTO_REPLY);
        assertThat(skip(TestMails.plain(from, "<9@x>", "=?UTF-8?B?6Ieq5Yqo5Zue5aSNOiDkvaDlpb0=?=", "x"))).contains(Triage.Skip.AUTO_REPLY);
        assertThat(skip(TestMails.plain(from, "<10@x>", "Re: Automatic reply: hello", "x"))).contains(Triage.Skip.AUTO_REPLY);
        assertThat(skip(TestMails.plain(from, "<11@hearken.local>", "Hi", "x"))).contains(Triage.Skip.OWN_MAIL);
        // A complaint that merely mentions going out is not an out-of-office note.
        assertThat(skip(TestMails.plain(from, "<12@x>", "Absence of lighting; out of order lift", "x"))).isEmpty();
    }

    @Test
    void aSenderGetsAtMostTheLimitOfNewComplaintsInAnyHour() {
        MutableClock clock = new MutableClock();
        SenderLimit limit = new SenderLimit(2, clock);
        assertThat(limit.tryAcquire("a@example.com")).isTrue();
        assertThat(limit.tryAcquire("a@example.com")).isTrue();
        assertThat(limit.tryAcquire("a@example.com")).isFalse();
        assertThat(limit.tryAcquire("b@example.com")).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        assertThat(limit.tryAcquire("a@example.com")).isTrue();
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

}
