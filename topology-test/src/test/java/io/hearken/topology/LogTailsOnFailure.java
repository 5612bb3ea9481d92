package io.hearken.topology;

import java.util.function.IntFunction;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * On a failed test, the tail of every service's log is attached to the failure (as a suppressed exception), so it
 * shows in the build's console and report, not only in {@code target/topology/<name>.log}.
 */
public class LogTailsOnFailure implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    /** Set once the services exist: lines → the tails of their logs. */
    static volatile IntFunction<String> services;

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw attach(failure);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw attach(failure);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw attach(failure);
    }

    private static Throwable attach(Throwable failure) {
        IntFunction<String> tails = services;
        if (tails != null) {
            failure.addSuppressed(new ServiceLogs("The services' logs (topology-test/target/topology/):" + tails.apply(60)));
        }
        return failure;
    }

    /** Carries the log tails; no stack trace of its own. */
    static final class ServiceLogs extends Exception {
        ServiceLogs(String message) {
            super(message, null, false, false);
        }
    }
}
