package io.hearken.analytics.privacy;

import io.hearken.events.Actor;
import io.hearken.events.json.EventJson;
import io.hearken.events.privacy.ResidentErased;
import io.hearken.staff.StaffPerson;
import jakarta.validation.Valid;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The residents' rights, exercised by a manager (staff-access lets managers only in, see
 * {@code DepartmentScope}): erasure, export, and the audit of erasures. Errors as the analytics API gives them:
 * {@code {"error": "english / 中文"}}.
 */
@RestController("analyticsPrivacyApi")
@RequestMapping("/api/v1/privacy")
class PrivacyApi {

    static final String UNAVAILABLE = "Kafka or Elasticsearch cannot be reached just now; please try again shortly"
            + " / 暂时无法连接 Kafka 或 Elasticsearch，请稍后再试";

    /** One line of the audit: who, when, why, how many; never whom. */
    record AuditEntry(String erasureId, Instant at, String by, String reason, int complaints, List<String> complaintIds) {

        static AuditEntry of(ResidentErased e) {
            return new AuditEntry(e.erasureId(), e.at(), e.by(), e.reason(), e.complaintIds().size(),
                    e.complaintIds().stream().map(id -> id.value()).toList());
        }
    }

    private final ErasingResidents erasing;
    private final ExportingResidentData exporting;
    private final ErasureAudit audit;

    PrivacyApi(ErasingResidents erasing, ExportingResidentData exporting, ErasureAudit audit) {
        this.erasing = erasing;
        this.exporting = exporting;
        this.audit = audit;
    }

    /** 202: the keys are destroyed and every service told; the index and the channels follow within moments. */
    @PostMapping("/erasure")
    ResponseEntity<ErasingResidents.Receipt> erase(@Valid @RequestBody ContactRequest request, Authentication auth) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(erasing.erase(request.contact(), actor(auth)));
    }

    /** Everything held about the contact, as a JSON file (a bad contact still gets its JSON error). */
    @GetMapping("/export")
    ResponseEntity<byte[]> export(@Valid ContactRequest request, Authentication auth) {
        var export = exporting.export(request.contact(), StaffPerson.of(auth).id());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hearken-export-"
                        + LocalDate.now(ZoneOffset.UTC) + ".json\"")
                .body(EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(export));
    }

    @GetMapping("/erasures")
    List<AuditEntry> erasures() {
        return audit.all().stream().map(AuditEntry::of).toList();
    }

    private static Actor actor(Authentication auth) {
        StaffPerson person = StaffPerson.of(auth);
        return new Actor(person.id(), person.name(), person.department(), Actor.Role.MANAGER);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<Map<String, String>> invalid(BindException e) {
        FieldError error = e.getFieldErrors().stream()
                .filter(f -> ContactRequest.REQUIRED.equals(f.getDefaultMessage())).findFirst()
                .orElse(e.getFieldError());
        return badRequest(error == null ? ContactRequest.MALFORMED : error.getDefaultMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return badRequest(ContactRequest.REQUIRED);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> illegal(IllegalArgumentException e) {
        return badRequest(e.getMessage());
    }

    @ExceptionHandler({UncheckedIOException.class, IllegalStateException.class,
            co.elastic.clients.elasticsearch._types.ElasticsearchException.class})
    ResponseEntity<Map<String, String>> unavailable(RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(PrivacyApi.class).warn("Privacy request failed: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                .body(Map.of("error", UNAVAILABLE));
    }

    private static ResponseEntity<Map<String, String>> badRequest(String message) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", message));
    }
}
