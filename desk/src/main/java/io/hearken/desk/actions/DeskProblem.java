package io.hearken.desk.actions;

/**
 * An action the desk refuses or cannot complete. {@code messageKey} names the text in {@code i18n/desk} that
 * tells the person why, in their language; {@code status} is the HTTP status of the API's problem answer.
 */
public class DeskProblem extends RuntimeException {

    private final int status;
    private final String messageKey;
    private final transient Object[] args;

    DeskProblem(int status, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
    }

    /** Unknown, or another department's: the same answer, so nothing leaks. */
    public static DeskProblem notFound() {
        return new DeskProblem(404, "problem.not-found");
    }

    public static DeskProblem forbidden(String key) {
        return new DeskProblem(403, key);
    }

    public static DeskProblem conflict(String key, Object... args) {
        return new DeskProblem(409, key, args);
    }

    public static DeskProblem invalid(String key, Object... args) {
        return new DeskProblem(400, key, args);
    }

    /** 422: e.g. an idempotency key used before for other content. */
    public static DeskProblem unprocessable(String key) {
        return new DeskProblem(422, key);
    }

    /** 413: a file or a request over the configured limits. */
    public static DeskProblem tooLarge(Object... args) {
        return new DeskProblem(413, "problem.too-large", args);
    }

    /** 415: a file of a type the desk does not take. */
    public static DeskProblem unsupported(Object... args) {
        return new DeskProblem(415, "problem.unsupported-file", args);
    }

    public static DeskProblem unavailable() {
        return new DeskProblem(503, "problem.kafka");
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args == null ? new Object[0] : args.clone();
    }
}
