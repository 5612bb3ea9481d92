package io.hearken.intake.web.open311;

/** An Open311 error: HTTP status = the error's code, answered as the spec's {@code errors} list. */
class Open311Error extends RuntimeException {

    final int code;

    Open311Error(int code, String description) {
        super(description);
        this.code = code;
    }
}
