package io.hearken.events.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.util.ClassUtils;

/**
 * Under the {@code prod} profile, refuses to start with what only a demo may have: the demo staff accounts,
 * weak or default secrets, demo API keys, embedded servers. Runs after the config files are read (lowest
 * precedence of the post-processors), so {@code application.yml}, the environment and arguments all count;
 * every problem is one line naming the property and its environment variable.
 */
public class ProductionGuard implements EnvironmentPostProcessor, Ordered {

    public static final String PROFILE = "prod";
    static final int MIN_SECRET = 32;
    static final int MIN_KEY = 16;
    static final int MIN_CLEAR_PASSWORD = 12;
    private static final List<String> DEMO_WORDS = List.of("change-me", "changeme", "demo", "all-in-one");

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        List<String> problems = problems(environment, ClassUtils::isPresent);
        if (!problems.isEmpty()) {
            throw new InsecureSettingsException(problems);
        }
    }

    /** Whether a class is on the class path: which modules this deployable carries. */
    interface Classpath {
        boolean has(String className, ClassLoader loader);
    }

    static List<String> problems(Environment env, Classpath classpath) {
        List<String> problems = new ArrayList<>();
        Binder binder = Binder.get(env);
        if (binder.bind("hearken.staff.demo-accounts", Boolean.class).orElse(false)) {
            problems.add(named("hearken.staff.demo-accounts") + " is true: the demo accounts (password 'demo') are for the"
                    + " all-in-one only; remove it and list your people in hearken.staff.users (or hearken.staff.login=oidc)");
        }
        staffPasswords(binder, problems);
        secret(env, "hearken.privacy.secret", true, problems);
        secret(env, "hearken.staff.token-secret", true, problems);
        masterKey(env.getProperty("hearken.privacy.master-key"), problems);
        ClassLoader loader = ProductionGuard.class.getClassLoader();
        // The notifier's default link secret is public (it is in the source): required where the notifier runs.
        secret(env, "hearken.notifier.link-secret", classpath.has("io.hearken.notifier.NotifierProperties", loader),
                problems);
        keys(binder, "hearken.web.open311.api-keys", problems);
        keys(binder, "hearken.hotline.api-keys", problems);
        servers(env, problems);
        return problems;
    }

    private static void staffPasswords(Binder binder, List<String> problems) {
        List<Account> users = binder.bind("hearken.staff.users", Bindable.listOf(Account.class)).orElse(List.of());
        for (int i = 0; i < users.size(); i++) {
            String password = users.get(i).password();
            String property = "hearken.staff.users[" + i + "].password";
            String who = " (user '" + users.get(i).username() + "')";
            if (password == null || password.isBlank()) {
                continue; // an account that signs in only through the identity provider
            }
            boolean clear = password.startsWith("{noop}") || !password.startsWith("{");
            String raw = password.startsWith("{noop}") ? password.substring("{noop}".length()) : password;
            if (raw.equalsIgnoreCase("demo") || containsDemoWord(raw)) {
                problems.add(named(property) + who + " is a demo or placeholder password; set a {bcrypt} hash");
            } else if (clear && raw.length() < MIN_CLEAR_PASSWORD) {
                problems.add(named(property) + who + " is shorter than " + MIN_CLEAR_PASSWORD
                        + " characters in clear; set a {bcrypt} hash or a longer passphrase");
            }
        }
    }

    private static void secret(Environment env, String property, boolean required, List<String> problems) {
        String value = env.getProperty(property);
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(named(property) + " is not set; set a random secret of at least " + MIN_SECRET
                        + " characters (openssl rand -hex 32)");
            }
        } else if (value.length() < MIN_SECRET) {
            problems.add(named(property) + " is shorter than " + MIN_SECRET + " characters; set a random one (openssl rand -hex 32)");
        } else if (containsDemoWord(value)) {
            problems.add(named(property) + " is a default or demo value; set a random one (openssl rand -hex 32)");
        }
    }

    private static void masterKey(String value, List<String> problems) {
        String property = named("hearken.privacy.master-key");
        byte[] raw;
        try {
            raw = value == null ? null : java.util.Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw == null) {
            problems.add(property + " is not set; set 32 random bytes in base64 (openssl rand -base64 32) and back it up"
                    + " apart from Kafka");
        } else if (raw.length != 32) {
            problems.add(property + " is not 32 bytes in base64; set one made by openssl rand -base64 32");
        } else if (containsDemoWord(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1))) {
            problems.add(property + " is the demo key; set your own (openssl rand -base64 32)");
        }
    }

    private static void keys(Binder binder, String property, List<String> problems) {
        List<String> keys = binder.bind(property, Bindable.listOf(String.class)).orElse(List.of());
        for (String key : keys) {
            if (key == null || key.isBlank()) {
                continue;
            }
            if (containsDemoWord(key)) {
                problems.add(named(property) + " contains a demo key ('" + key + "'); set your clients' own keys");
            } else if (key.strip().length() < MIN_KEY) {
                problems.add(named(property) + " has a key shorter than " + MIN_KEY + " characters; set random ones"
                        + " (openssl rand -hex 16)");
            }
        }
    }

    private static void servers(Environment env, List<String> problems) {
        String kafka = env.getProperty("spring.kafka.bootstrap-servers");
        if (kafka == null || kafka.isBlank()) {
            problems.add(named("spring.kafka.bootstrap-servers") + " is not set; point it at your Kafka cluster");
        }
        String mode = env.getProperty("hearken.embedded.mode", "off").strip();
        if (!mode.equalsIgnoreCase("off")) {
            List<String> missing = new ArrayList<>();
            for (String address : List.of("spring.kafka.bootstrap-servers", "hearken.elasticsearch.uris", "spring.mail.host")) {
                String value = env.getProperty(address);
                if (value == null || value.isBlank()) {
                    missing.add(address);
                }
            }
            if (!missing.isEmpty()) {
                problems.add(named("hearken.embedded.mode") + " is '" + mode + "' and " + String.join(", ", missing)
                        + " not set: embedded demo servers would start; set hearken.embedded.mode=off and the addresses"
                        + " of your servers");
            }
        }
    }

    static boolean containsDemoWord(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return DEMO_WORDS.stream().anyMatch(lower::contains);
    }

    /** {@code hearken.staff.users[0].password (HEARKEN_STAFF_USERS_0_PASSWORD)}: the property and its variable. */
    static String named(String property) {
        String variable = property.replace("[", ".").replace("]", "").replace("-", "").replace('.', '_')
                .toUpperCase(Locale.ROOT);
        return property + " (" + variable + ")";
    }

    /** The part of {@code hearken.staff.users[i]} checked here; the staff-access module binds the rest. */
    record Account(String username, String password) {
    }
}
