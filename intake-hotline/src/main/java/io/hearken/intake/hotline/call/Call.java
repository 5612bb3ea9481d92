package io.hearken.intake.hotline.call;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * One call as the call centre described it, whatever the file format. {@code line} is where it starts in
 * its file (for error reports). The rules below apply to the folder and the REST upload alike.
 */
public record Call(
        int line,
        @NotBlank(message = "call_id 不能为空 / call_id is required")
        @Size(max = 128, message = "call_id 最长 128 个字符 / call_id is longer than 128 characters")
        @Pattern(regexp = "[\\p{L}\\p{N}._:/#-]*",
                message = "call_id 只能包含字母、数字和 ._:/#- / call_id may hold only letters, digits and ._:/#-")
        String callId,
        Instant startTime,
        @PositiveOrZero(message = "duration_s 不能为负 / duration_s must not be negative") Integer durationSeconds,
        @Pattern(regexp = "\\+?[0-9][0-9 ()-]{2,30}",
                message = "caller_number 不是电话号码 / caller_number is not a phone number")
        String callerNumber,
        @Pattern(regexp = "\\+?[0-9][0-9 ()-]{2,30}",
                message = "callback_number 不是电话号码 / callback_number is not a phone number")
        String callbackNumber,
        @Size(max = 64, message = "agent_id 最长 64 个字符 / agent_id is longer than 64 characters") String agentId,
        @Size(max = 100, message = "category 最长 100 个字符 / category is longer than 100 characters") String category,
        @Size(max = 500, message = "location 最长 500 个字符 / location is longer than 500 characters") String location,
        @Size(max = 20_000, message = "summary 最长 20000 个字符 / summary is longer than 20000 characters") String summary,
        List<Turn> turns,
        String transcript) { // its length (and the turns') is bounded by hearken.hotline.max-text-chars while parsing

    public Call {
        turns = turns == null ? List.of() : List.copyOf(turns);
    }

    @AssertTrue(message = "需要 summary 或 transcript / summary or transcript is required")
    public boolean isTextPresent() {
        return hasText(summary) || hasText(transcript) || !turns.isEmpty();
    }

    public List<Turn> turnsOf(Turn.Speaker speaker) {
        return turns.stream().filter(t -> t.speaker() == speaker).toList();
    }

    static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
