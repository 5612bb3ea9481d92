package io.hearken.intake.web.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON request body into its request record. Read here, not by a message converter, because the API rate
 * limits before it reads (a client over its limit costs no parsing), and so that every refusal (wrong type, over
 * {@link #MAX_JSON_BYTES}, malformed) is an {@link ApiProblems.ApiProblem} with the same problem body.
 */
final class JsonBodies {

    /** A JSON body larger than this is refused with 413 (files go as multipart, 10 MB each). */
    static final int MAX_JSON_BYTES = 64 * 1024;

    private final JsonMapper json;

    JsonBodies(JsonMapper json) {
        this.json = json;
    }

    /** A body that must be there. */
    <T> T read(HttpServletRequest request, Class<T> type) throws IOException {
        if (request.getContentLengthLong() > MAX_JSON_BYTES) {
            throw new ApiProblems.ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "too-large");
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_JSON_BYTES + 1);
        }
        if (bytes.length > MAX_JSON_BYTES) {
            throw new ApiProblems.ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "too-large");
        }
        try {
            T value = json.readValue(bytes, type);
            if (value == null) {
                throw new ApiProblems.ApiProblem(HttpStatus.BAD_REQUEST, "malformed");
            }
            return value;
        } catch (JacksonException e) {
            throw new ApiProblems.ApiProblem(HttpStatus.BAD_REQUEST, "malformed");
        }
    }

    /** A body that may be left out: then {@code none}, whose missing fields validation reports. */
    <T> T readOr(HttpServletRequest request, Class<T> type, T none) throws IOException {
        if (request.getContentLengthLong() == 0) {
            return none;
        }
        if (!isJson(request.getContentType())) {
            throw new ApiProblems.ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-type");
        }
        return read(request, type);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return false;
        }
    }
}
