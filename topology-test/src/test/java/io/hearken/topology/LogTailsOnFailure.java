package io.hearken.topology;

import java.util.function.IntFunction;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/** On a failed test (or a failed start), the tail of every service's log goes into the failure's output. */
public class LogTailsOnFailure implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    /** Set once the services exist: lines → the tails of their logs. */
    static volatile IntFunction<String> services;

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw print(context, failure);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw print(context, failure);
    }

    private static Throwable print(ExtensionContext context, Throwable failure) {
        IntFunction<String> tails = services;
        if (tails != null) {
            System.err.println(context.getDisplayName() + " failed: " + failure + "\nThe services' logs (target/topology/):"
                    + tails.apply(60));
        }
        return failure;
    }
}
