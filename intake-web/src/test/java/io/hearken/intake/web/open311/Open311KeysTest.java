package io.hearken.intake.web.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearken.intake.web.WebIntakeProperties;
import io.hearken.intake.web.abuse.RateLimiter;
import io.hearken.intake.web.submission.AcceptingComplaint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Open311 posting needs a configured key: a service jar has none until the operator sets them. */
class Open311KeysTest {

    @Test
    void withoutConfiguredKeysEveryPostIsRefusedAndSaysWhy() {
        WebIntakeProperties none = new WebIntakeProperties(null, null, null, null, null, null, null, null, null);
        assertThat(none.open311().apiKeys()).isEmpty();
        RateLimiter limiter = new RateLimiter(none);
        Open311Api api = new Open311Api(new AcceptingComplaint(limiter, null, null, null), limiter, null, null, null,
                none, null);

        assertThatThrownBy(() -> api.create("json", new MockHttpServletRequest(), Map.of("api_key", "demo")))
                .isInstanceOfSatisfying(Open311Error.class, e -> assertThat(e.code).isEqualTo(403))
                .hasMessageContaining("no API key is configured on this server (hearken.web.open311.api-keys)");
    }

    @Test
    void blankKeysDoNotCount() {
        var open311 = new WebIntakeProperties.Open311(List.of(" ", ""), null);
        assertThat(open311.apiKeys()).isEmpty();
    }
}
