package io.hearken.events.config;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearken.mail.*}: the mail settings the email channel and the notifier must agree on, bound once
 * ({@link SharedSettingsAutoConfiguration}).
 *
 * @param domain the domain of the notifier's Message-IDs ({@code <HK-XXXX-XXXX.x@domain>}) and of the addresses the
 *               email channel recognises in a reply's {@code In-Reply-To}; a host name, the same in both modules
 */
@ConfigurationProperties("hearken.mail")
public record HearkenMailProperties(@DefaultValue("hearken.local") String domain) {

    /** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, 63 characters each at most. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    public HearkenMailProperties {
        if (domain == null || !HOST_NAME.matcher(domain).matches()) {
            throw new IllegalArgumentException("hearken.mail.domain must be a host name (e.g. hearken.example.org), was "
                    + domain);
        }
    }

    /** The defaults, for code and tests outside a Spring context. */
    public static HearkenMailProperties defaults() {
        return new HearkenMailProperties("hearken.local");
    }
}
