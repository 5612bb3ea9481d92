package io.hearken.intake.email.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.hearken.intake.email.mime.MailReader;
import io.hearken.intake.email.mime.ReadMail;
import io.hearken.intake.email.mime.UnreadableMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;

/**
 * Any bytes a mail server may hand over: the reader either reads a mail (with a sender, a subject and a text that
 * are never null) or says why it cannot ({@link UnreadableMail}, which the intake quarantines with that reason).
 * Any other exception, an Error or a hang is a bug. In the normal suite this replays the kept inputs in
 * {@code src/test/resources/io/hearken/intake/email/fuzz/MailReaderFuzzTestInputs}; {@code bench/fuzz} runs the
 * coverage-guided search.
 */
class MailReaderFuzzTest {

    private static final Session SESSION = Session.getInstance(new Properties());
    private final MailReader reader = new MailReader(1024 * 1024);

    @FuzzTest(maxDuration = "10s")
    void anyMailIsReadOrRejectedWithAReason(byte[] raw) {
        MimeMessage message;
        try {
            message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            return; // Angus cannot even frame it: the mailbox quarantines such a mail before the reader sees it
        }
        try {
            ReadMail mail = reader.read(message);
            assertThat(mail.subject()).isNotNull();
            assertThat(mail.text()).isNotNull();
            assertThat(mail.replyText()).isNotNull();
        } catch (UnreadableMail e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
