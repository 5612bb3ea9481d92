package io.hearken.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Against a real SMTP server (its own GreenMail): one connection for many mails, and recovery after a restart. */
class SmtpConnectionsTest {

    final int port = freePort();
    GreenMail smtp = start();
    final JavaMailSenderImpl config = new JavaMailSenderImpl();
    final SmtpConnections connections = new SmtpConnections(Duration.ofSeconds(30));

    {
        config.setHost("127.0.0.1");
        config.setPort(port);
        config.getJavaMailProperties().put("mail.smtp.connectiontimeout", "3000");
        config.getJavaMailProperties().put("mail.smtp.timeout", "3000");
    }

    @AfterEach
    void stop() {
        connections.close();
        smtp.stop();
    }

    @Test
    void manyMailsGoOverOneConnectionAndKeepTheirMessageId() throws Exception {
        for (int i = 0; i < 3; i++) {
            connections.send(config, mail("<HK-7K2M-9QXD.e" + i + "@hearken.local>"));
        }
        assertThat(connections.openConnections()).isEqualTo(1);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(received[2].getMessageID()).isEqualTo("<HK-7K2M-9QXD.e2@hearken.local>");
    }

    @Test
    void whileTheServerIsDownSendingFailsAndAfterItsRestartTheNextMailGoesOut() throws Exception {
        connections.send(config, mail("<HK-7K2M-9QXD.before@hearken.local>"));
        smtp.stop();
        assertThatThrownBy(() -> connections.send(config, mail("<HK-7K2M-9QXD.down@hearken.local>")))
                .isInstanceOf(MailSendException.class);
        smtp = start();
        connections.send(config, mail("<HK-7K2M-9QXD.after@hearken.local>"));
        assertThat(smtp.getReceivedMessages()).singleElement()
                .satisfies(m -> assertThat(m.getMessageID()).isEqualTo("<HK-7K2M-9QXD.after@hearken.local>"));
    }

    private MimeMessage mail(String messageId) throws Exception {
        MimeMessage message = config.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("complaints@hearken.local");
        helper.setTo("resident@example.com");
        helper.setSubject("[HK-7K2M-9QXD] test");
        helper.setText("text", "<p>html</p>");
        message.setHeader("Message-ID", messageId);
        return message;
    }

    private GreenMail start() {
        GreenMail g = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        g.start();
        return g;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
