package io.hearken.notifier.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearken.events.ComplaintId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SatisfactionTokensTest {

    final Instant now = Instant.parse("2026-11-23T10:00:00Z");
    final SatisfactionTokens tokens = new SatisfactionTokens("secret-1", Clock.fixed(now, ZoneOffset.UTC));
    final ComplaintId id = ComplaintId.of("HK-7K2M-9QXD");

    @Test
    void aTokenCarriesComplaintExpiryAndLanguageAndIsUrlSafe() {
        String token = tokens.issue(id, now.plusSeconds(3600), Locale.SIMPLIFIED_CHINESE, "0b7e-44f2-aa91-e0d1c2b3a4f5");
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        SatisfactionTokens.Claims claims = tokens.read(token);
        assertThat(claims.complaintId()).isEqualTo(id);
        assertThat(claims.expires()).isEqualTo(now.plusSeconds(3600));
        assertThat(claims.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(claims.expiredAt(now)).isFalse();
        assertThat(claims.expiredAt(now.plusSeconds(3600))).isTrue();
    }

    @Test
    void anotherSecretOrAChangedByteMakesItUnreadable() {
        String token = tokens.issue(id, now.plusSeconds(3600), Locale.ENGLISH, "r");
        assertThat(new SatisfactionTokens("secret-2", Clock.systemUTC()).read(token)).isNull();
        char last = token.charAt(token.length() - 1);
        assertThat(tokens.read(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'))).isNull();
        assertThat(tokens.read("")).isNull();
        assertThat(tokens.read("a.b.c")).isNull();
        assertThat(tokens.read(null)).isNull();
    }

    @Test
    void aSecretIsRequired() {
        assertThatThrownBy(() -> new SatisfactionTokens(" ", Clock.systemUTC()))
                .hasMessageContaining("hearken.notifier.link-secret");
    }
}
