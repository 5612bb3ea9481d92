package io.hearken.notifier.deadletters;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For the operator: {@code GET} lists the mails that gave up, {@code POST .../replay} sends them again. */
@RestController("notifierDeadLettersApi")
@RequestMapping("/api/v1/notifier/dead-letters")
class DeadLettersApi {

    private final DeadLetters deadLetters;

    DeadLettersApi(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<DeadLetters.Entry> pending(@RequestParam(defaultValue = "100") int max) {
        return deadLetters.pending(Math.max(1, Math.min(max, 1000)));
    }

    @PostMapping("/replay")
    DeadLetters.Replay replay() {
        return deadLetters.replay();
    }
}
