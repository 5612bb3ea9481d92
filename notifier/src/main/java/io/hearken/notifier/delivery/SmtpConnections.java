package io.hearken.notifier.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection per sending thread, kept open between mails (no connect, TLS handshake and login per
 * message), with Spring's {@link JavaMailSenderImpl} as the source of session, host, port and credentials.
 * A connection idle longer than the keep-alive, or made with settings that have changed since, is replaced;
 * a reused connection that fails is replaced once before the failure counts.
 */
final class SmtpConnections implements AutoCloseable {

    private record Open(Transport transport, String target, long lastUsed) {
    }

    private final ThreadLocal<Open> current = new ThreadLocal<>();
    private final Set<Transport> all = ConcurrentHashMap.newKeySet();
    private final long keepAliveNanos;

    SmtpConnections(Duration keepAlive) {
        this.keepAliveNanos = keepAlive.toNanos();
    }

    void send(JavaMailSenderImpl config, MimeMessage message) {
        try {
            // As JavaMailSenderImpl does: saveChanges() would replace the Message-ID we chose.
            String messageId = message.getMessageID();
            message.saveChanges();
            if (messageId != null) {
                message.setHeader("Message-ID", messageId);
            }
        } catch (MessagingException e) {
            throw new MailSendException("cannot prepare the mail: " + e.getMessage(), e);
        }
        String target = config.getProtocol() + "://" + config.getUsername() + "@" + config.getHost() + ":"
                + config.getPort();
        long now = System.nanoTime();
        Open open = current.get();
        boolean reuse = open != null && open.target().equals(target) && now - open.lastUsed() < keepAliveNanos;
        if (open != null && !reuse) {
            close(open.transport());
            current.remove();
        }
        try {
            Transport transport = reuse ? open.transport() : connect(config);
            try {
                transport.sendMessage(message, message.getAllRecipients());
                current.set(new Open(transport, target, System.nanoTime()));
            } catch (MessagingException failedOnReused) {
                close(transport);
                current.remove();
                if (!reuse) {
                    throw failedOnReused;
                }
                Transport fresh = connect(config);
                fresh.sendMessage(message, message.getAllRecipients());
                current.set(new Open(fresh, target, System.nanoTime()));
            }
        } catch (MessagingException e) {
            throw new MailSendException("SMTP send failed: " + e.getMessage(), e);
        }
    }

    private Transport connect(JavaMailSenderImpl config) throws MessagingException {
        Transport transport = config.getSession().getTransport(config.getProtocol() == null ? "smtp" : config.getProtocol());
        String username = config.getUsername();
        String password = config.getPassword();
        if ("".equals(username)) {
            username = null;
            if ("".equals(password)) {
                password = null;
            }
        }
        transport.connect(config.getHost(), config.getPort(), username, password);
        all.add(transport);
        return transport;
    }

    private void close(Transport transport) {
        all.remove(transport);
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // already gone
        }
    }

    /** Connections currently open (all threads). */
    int openConnections() {
        return all.size();
    }

    @Override
    public void close() {
        for (Transport t : Set.copyOf(all)) {
            close(t);
        }
    }
}
