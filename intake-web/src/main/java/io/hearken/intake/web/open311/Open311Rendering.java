package io.hearken.intake.web.open311;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Open311 answers in JSON or XML by the path's extension ({@code .json} / {@code .xml}). */
@Component
class Open311Rendering {

    private final JsonMapper json;

    Open311Rendering(JsonMapper json) {
        this.json = json;
    }

    ResponseEntity<String> render(String format, List<Map<String, Object>> rows, String root, String item) {
        return "xml".equals(format) ? xml(Open311Xml.list(root, item, rows)) : json(rows);
    }

    ResponseEntity<String> json(Object value) {
        return ResponseEntity.ok().contentType(new MediaType("application", "json", StandardCharsets.UTF_8))
                .body(json.writeValueAsString(value));
    }

    ResponseEntity<String> xml(String body) {
        return ResponseEntity.ok().contentType(new MediaType("text", "xml", StandardCharsets.UTF_8))
                .body(body);
    }
}
