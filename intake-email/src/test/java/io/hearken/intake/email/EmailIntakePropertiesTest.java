package io.hearken.intake.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class EmailIntakePropertiesTest {

    private static EmailIntakeProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("hearken.email", EmailIntakeProperties.class);
    }

    private static Map<String, String> pairs(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void furtherMailboxesTakeTheMissingImapKeysFromTheFirst() {
        EmailIntakeProperties p = bind(pairs(
                "hearken.email.imap.host", "imap.example.com", "hearken.email.imap.port", "993",
                "hearken.email.imap.tls", "true", "hearken.email.imap.username", "complaints@example.com",
                "hearken.email.imap.password", "secret",
                "hearken.email.mailboxes[0].imap.username", "wuye@example.com",
                "hearken.email.mailboxes[0].imap.password", "other",
                "hearken.email.mailboxes[1].folder", "Escalated", "hearken.email.mailboxes[1].name", "escalated",
                "hearken.email.mailboxes[2].imap.host", "mail.old-office.example", "hearken.email.mailboxes[2].imap.username", "old",
                "hearken.email.mailboxes[2].imap.password", "pw",
                "hearken.email.mailboxes[3].imap.host", "imap.elsewhere.example",
                "hearken.email.mailboxes[3].name", "elsewhere"));

        assertThat(p.watched()).extracting(EmailIntakeProperties.Mailbox::name)
                .containsExactly("INBOX", "wuye@example.com/INBOX", "escalated", "old/INBOX");
        var second = p.watched().get(1).imap();
        assertThat(second.host()).isEqualTo("imap.example.com");
        assertThat(second.port()).isEqualTo(993);
        assertThat(second.tls()).isTrue();
        assertThat(second.username()).isEqualTo("wuye@example.com");
        assertThat(second.password()).isEqualTo("other");
        var third = p.watched().get(2);
        assertThat(third.folder()).isEqualTo("Escalated");
        assertThat(third.imap().username()).isEqualTo("complaints@example.com");
        assertThat(third.imap().password()).isEqualTo("secret");
        var fourth = p.watched().get(3).imap();
        assertThat(fourth.host()).isEqualTo("mail.old-office.example");
        assertThat(fourth.port()).isEqualTo(143);
        assertThat(fourth.tls()).isFalse();
        // Another server never gets the main account's login: without a login of its own it is not watched.
        var elsewhere = p.mailboxes().get(3).inheriting(p.imap()).imap();
        assertThat(elsewhere.host()).isEqualTo("imap.elsewhere.example");
        assertThat(elsewhere.username()).isNull();
        assertThat(elsewhere.password()).isNull();
    }

    @Test
    void withoutAnyImapHostNothingIsWatchedAndTheDefaultsHold() {
        EmailIntakeProperties p = bind(Map.of());

        assertThat(p.watched()).isEmpty();
        assertThat(p.folder()).isEqualTo("INBOX");
        assertThat(p.processedFolder()).isEqualTo("Processed");
        assertThat(p.quarantineFolder()).isEqualTo("Quarantine");
        assertThat(p.senderHourlyLimit()).isEqualTo(5);
        assertThat(p.imap().idle()).isTrue();
        assertThat(p.mailboxes()).isEmpty();
    }
}
