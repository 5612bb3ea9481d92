package io.hearken.events.config;

import static io.hearken.events.config.MailStreamProvider.ANGUS;
import static io.hearken.events.config.MailStreamProvider.PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailStreamProviderTest {

    @Test
    void angusMailsProviderIsNamedOnceSoJakartaMailNeedNotSearchForItAndMailIsStillWritten() throws Exception {
        String before = System.clearProperty(PROPERTY);
        try {
            assertThat(MailStreamProvider.pin(new ClassLoader(null) { })).as("no Angus Mail in sight: left alone").isFalse();
            assertThat(System.getProperty(PROPERTY)).isNull();

            assertThat(MailStreamProvider.pin(getClass().getClassLoader())).isTrue();
            assertThat(System.getProperty(PROPERTY)).isEqualTo(ANGUS);
            assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(ANGUS);

            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
            mail.setSubject("投诉已受理", "UTF-8");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("您好，您的投诉 HK-7K2M-9QXD 已受理。", "UTF-8", "plain");
            mail.setContent(new MimeMultipart("alternative", text));
            mail.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mail.writeTo(out);
            MimeMessage read = new MimeMessage(null, new java.io.ByteArrayInputStream(out.toByteArray()));
            assertThat(((MimeMultipart) read.getContent()).getBodyPart(0).getContent()).isEqualTo("您好，您的投诉 HK-7K2M-9QXD 已受理。");
            assertThat(out.toString(StandardCharsets.US_ASCII)).contains("=?UTF-8?");

            System.setProperty(PROPERTY, "com.example.TheirOwnProvider");
            assertThat(MailStreamProvider.pin(getClass().getClassLoader())).as("an operator's choice is kept").isFalse();
            assertThat(System.getProperty(PROPERTY)).isEqualTo("com.example.TheirOwnProvider");
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
        }
    }
}
