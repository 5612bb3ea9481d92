package io.hearken.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Leaves out the test-jars other modules share with this one (complaint-events' {@code -tests.jar}: TopicRecords,
 * HeadlessChromium, their tests): {@link ImportOption.DoNotIncludeTests} knows test folders, not test archives, and
 * the architecture rules are about the main code.
 */
final class NoTestJars implements ImportOption {

    @Override
    public boolean includes(Location location) {
        return !location.contains("-tests.jar");
    }
}
