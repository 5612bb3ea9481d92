package io.hearken.intake.hotline.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A problem answer (RFC 9457) of the upload API. */
class HotlineProblem extends RuntimeException {

    final HttpStatus status;
    final String title;
    final Map<String, Object> properties = new LinkedHashMap<>();

    HotlineProblem(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    HotlineProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }
}
