package io.hearken.events.config;

import org.springframework.util.ClassUtils;

/**
 * Jakarta Mail 2.1 looks up its {@code StreamProvider} through {@code ServiceLoader} for every header block, encoder
 * and body part it reads or writes ({@code FactoryFinder}, uncached: jakartaee/mail-api#699). In a service's nested
 * jar that search was 15 % of the all-in-one's CPU under load (docs/BENCHMARKS.md). {@code FactoryFinder} reads a
 * system property named after the interface first: naming Angus Mail's provider there makes each look-up one cached
 * {@code Class.forName} (about 4× fewer CPU per mail built, measured outside the jar).
 *
 * <p>Set only when nobody else did and Angus Mail is present. The named class is loaded through the thread's context
 * class loader; every thread that handles mail here has the application's (listener, request and mail threads), which
 * is why no mail is built on the common fork-join pool, whose threads have the system class loader.
 */
final class MailStreamProvider {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreamProvider() {
    }

    /** Names Angus Mail's provider for {@code FactoryFinder}; true when this call set it. */
    static boolean pin(ClassLoader loader) {
        if (System.getProperty(PROPERTY) != null || !ClassUtils.isPresent(ANGUS, loader)) {
            return false;
        }
        System.setProperty(PROPERTY, ANGUS);
        return true;
    }
}
