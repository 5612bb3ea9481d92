package io.hearken.intake.email.mailbox;

import io.hearken.intake.email.EmailIntakeProperties;
import io.hearken.intake.email.intake.ReceivingMail;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one complaints folder over one IMAP connection, on a thread of its own: IDLE where the server has it,
 * polling where it does not (and every poll interval anyway, so a lost notification costs at most that). Each pass
 * is a {@link FolderScan}: every mail is handed to {@link ReceivingMail}, and only when that returns (Kafka
 * acknowledged) does {@link MailDisposition} move it to the processed folder, or to quarantine with the reason. A lost
 * connection is retried with exponential back-off and logged once when it goes and once when it is back; an
 * {@link Error} turns health DOWN and starts a new watcher thread. The server side (login, folders, IDLE) is
 * {@link MailboxConnection}.
 */
final class MailboxWatcher {

    private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);

    private final EmailIntakeProperties properties;
    private final EmailIntakeProperties.Mailbox mailbox;
    private final String threadName;
    private final FolderScan scan;
    private volatile int restarts;
    private final Object wake = new Object();
    private final MailboxStatus status;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile MailboxConnection connection;
    private ScheduledExecutorService nudger;
    private Duration delay = Duration.ofSeconds(1); // the watcher thread's back-off state
    private Instant since;
    private boolean announced;

    MailboxWatcher(EmailIntakeProperties properties, EmailIntakeProperties.Mailbox mailbox, String threadName,
            ReceivingMail receiving, MailboxStatus status) {
        this(properties, mailbox, threadName, receiving, status, FolderScan.BATCH_MAILS);
    }

    /** {@code batchMails}: mails a batch holds at most (tests take small ones to see several batches). */
    MailboxWatcher(EmailIntakeProperties properties, EmailIntakeProperties.Mailbox mailbox, String threadName,
            ReceivingMail receiving, MailboxStatus status, int batchMails) {
        this.properties = properties;
        this.mailbox = mailbox;
        this.threadName = threadName;
        this.scan = new FolderScan(properties, mailbox, receiving, () -> running, batchMails);
        this.status = status;
    }

    void start() {
        running = true;
        status.starting(mailbox.name());
        connection = new MailboxConnection(properties, mailbox);
        startThread();
        nudger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hearken-email-nudge");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, properties.pollInterval().toMillis());
        nudger.scheduleWithFixedDelay(this::nudge, every, every, TimeUnit.MILLISECONDS);
    }

    void stop() {
        running = false;
        if (nudger != null) {
            nudger.shutdownNow();
        }
        nudge();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly();
    }

    /** Ends an IDLE (any other use of the folder does) or a polling wait, so the folder is scanned again. */
    void nudge() {
        synchronized (wake) {
            wake.notifyAll();
        }
        MailboxConnection c = connection;
        if (c != null) {
            c.touch();
        }
    }

    private synchronized void startThread() {
        if (!running) {
            return;
        }
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Watcher restarts after an {@link Error} (for health details and tests). */
    int restarts() {
        return restarts;
    }

    private void run() {
        try {
            watchUntilStopped();
        } catch (Error fatal) {
            // Not an IMAP problem: a bug or a broken JVM state. Say so on health, and watch again from a new thread.
            if (!running) {
                return;
            }
            scan.died(fatal);
            restarts++;
            log.error("Email watcher for '{}' died ({}); a new one starts in {} ms", mailbox.name(), fatal, delay.toMillis(), fatal);
            status.down(mailbox.name(), Instant.now(), "watcher died: " + fatal);
            closeQuietly();
            ScheduledExecutorService n = nudger;
            if (n != null && !n.isShutdown()) {
                n.schedule(this::startThread, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
            backOff();
        }
    }

    private void watchUntilStopped() {
        while (running) {
            try {
                connect();
                if (!announced) {
                    announced = true;
                    log.info("Email intake watching {} as '{}' ({}, rescan every {} ms)", where(), mailbox.name(),
                            connection.idles() ? "IDLE" : "polling", properties.pollInterval().toMillis());
                }
                status.connected(mailbox.name());
                watch();
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                if (since == null) {
                    since = Instant.now();
                    log.warn("IMAP mailbox {} unreachable ({}); next attempt in {} ms, backing off up to {} s, logging again "
                            + "when it is back", where(), e.toString(), delay.toMillis(), properties.maxBackoff().toSeconds());
                } else {
                    log.debug("IMAP mailbox {} still unreachable, next attempt in {} ms: {}", where(), delay.toMillis(), e.toString());
                }
                status.down(mailbox.name(), since, e.toString());
                closeQuietly();
                sleep(delay);
                backOff();
            }
        }
    }

    /**
     * Back only once a whole scan went through: a server that takes the login but fails every scan stays in the
     * back-off (and in one warning) instead of flapping "back" / "unreachable" every second.
     */
    private void scanned() {
        if (since != null) {
            log.info("IMAP mailbox {} is back after {} s", where(), Duration.between(since, Instant.now()).toSeconds());
            since = null;
        }
        delay = Duration.ofSeconds(1);
    }

    private void connect() throws MessagingException {
        connection.open(scan);
    }

    private void watch() throws MessagingException, IOException {
        while (running) {
            if (connection.scan(scan)) {
                connect(); // the next pass lists every mail
            }
            if (Thread.currentThread().isInterrupted()) {
                running = false;
                return;
            }
            scanned();
            if (!scan.mayHaveMore()) {
                waitForMail();
            }
        }
    }

    private void waitForMail() throws MessagingException {
        if (!running) {
            return;
        }
        if (connection.idles() && connection.idle()) {
            return;
        }
        synchronized (wake) {
            try {
                wake.wait(Math.max(100, properties.pollInterval().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private String where() {
        return connection.where();
    }

    private void closeQuietly() {
        MailboxConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    private void backOff() {
        Duration twice = delay.multipliedBy(2);
        delay = twice.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : twice;
    }

    /** The back-off: the poll nudges do not cut it short (that would retry every poll interval); stopping does. */
    private void sleep(Duration d) {
        long deadline = System.nanoTime() + d.toNanos();
        synchronized (wake) {
            for (long left = d.toNanos(); running && left > 0; left = deadline - System.nanoTime()) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(wake, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }
}
