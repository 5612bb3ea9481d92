package io.hearken.embedded.mail;

import static io.hearken.embedded.EmbeddedMail.COMPLAINTS_ADDRESS;
import static io.hearken.embedded.EmbeddedMail.COMPLAINTS_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearken.embedded.mail.Mailbox.Seen;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail server in a child JVM, killed with SIGKILL while mail is being sent to it over several
 * connections: the next server on the same folder has every mail the killed one had answered 250 for.
 */
class MailCrashTest {

    static final String RESIDENT = "li.na@example.com";
    static final int SENDERS = 4;

    @TempDir
    Path data;
    final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void everyMailAnsweredWith250SurvivesAKill() throws Exception {
        Path dir = data.resolve("mail");
        int[] ports = start(dir, "first");
        List<String> answered = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger tried = new AtomicInteger();
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            Thread t = new Thread(() -> {
                for (int n = 0; ; n++) {
                    String subject = "crash-" + sender + "-" + n;
                    tried.incrementAndGet();
                    try {
                        Mailbox.send(ports[0], COMPLAINTS_ADDRESS + ", " + RESIDENT, subject);
                    } catch (Exception killed) {
                        return;
                    }
                    answered.add(subject);
                }
            });
            t.start();
            senders.add(t);
        }
        await().atMost(Duration.ofMinutes(3)).until(() -> answered.size() >= 120);
        children.get(0).destroyForcibly().waitFor();
        for (Thread t : senders) {
            t.join(60_000);
        }
        Set<String> acknowledged = Set.copyOf(answered);

        int[] again = start(dir, "second");
        Set<String> complaints = subjects(again, COMPLAINTS_ADDRESS, COMPLAINTS_PASSWORD);
        Set<String> resident = subjects(again, RESIDENT, RESIDENT);
        System.out.printf("Crash test: %d mails tried, %d answered 250 before the kill; after restart %d in the complaints"
                + " inbox, %d in the resident's%n", tried.get(), acknowledged.size(), complaints.size(), resident.size());
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(120);
        assertThat(complaints).containsAll(acknowledged);
        assertThat(resident).containsAll(acknowledged);
        // At most the mails in flight at the kill are there without their 250 (the sender will send those again).
        assertThat(complaints.size()).isLessThanOrEqualTo(acknowledged.size() + SENDERS);
    }

    private static Set<String> subjects(int[] ports, String user, String password) throws Exception {
        return Mailbox.list(ports[1], user, password, "INBOX").stream().map(Seen::subject).collect(Collectors.toSet());
    }

    /** A child JVM running {@link MailServerMain} on {@code dir}; returns its SMTP and IMAP ports. */
    private int[] start(Path dir, String name) throws Exception {
        Path portsFile = data.resolve(name + ".ports");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                MailServerMain.class.getName(), dir.toString(), portsFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(new File("target", "mail-crash-" + name + ".log"))
                .start();
        children.add(child);
        await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(portsFile) || !child.isAlive());
        assertThat(child.isAlive()).as("child mail server started (see target/mail-crash-" + name + ".log)").isTrue();
        String[] ports = Files.readString(portsFile).split(" ");
        return new int[] {Integer.parseInt(ports[0]), Integer.parseInt(ports[1])};
    }
}
