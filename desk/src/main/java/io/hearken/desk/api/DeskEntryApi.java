package io.hearken.desk.api;

import io.hearken.desk.entry.EnteringComplaint;
import io.hearken.desk.entry.NewComplaint;
import io.hearken.staff.StaffPerson;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/desk/complaints}: a complaint any signed-in staff member enters for a resident, with the web
 * API's fields plus {@code channel}. 201 once Kafka has it; a retry with the same {@code Idempotency-Key} is 200 with
 * the same id, the key reused for other content 422.
 */
@RestController
@RequestMapping("/api/v1/desk")
class DeskEntryApi {

    private final EnteringComplaint entering;

    DeskEntryApi(EnteringComplaint entering) {
        this.entering = entering;
    }

    @PostMapping("/complaints")
    ResponseEntity<EnteringComplaint.Entered> enter(Authentication auth, @Valid @RequestBody NewComplaint body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        EnteringComplaint.Entered entered = entering.enter(StaffPerson.of(auth), body.entry(), key);
        return ResponseEntity.status(entered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/desk/complaints/" + entered.id()))
                .header("Idempotent-Replayed", String.valueOf(!entered.created()))
                .body(entered);
    }
}
