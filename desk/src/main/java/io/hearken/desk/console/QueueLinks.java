package io.hearken.desk.console;

import io.hearken.desk.board.QueueFilter;
import io.hearken.events.ComplaintStatus;
import java.util.Optional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console queue's page links: the same filters as the page shown (so the next page is of the same queue), and the
 * page. The console lists {@value #SIZE} complaints a page; a page number that is not one shows the first page.
 */
final class QueueLinks {

    static final int SIZE = 50;

    private final ComplaintStatus status;
    private final QueueFilter filter;
    private final String assignee;

    /** {@code assignee} as asked ({@code me} stays {@code me}). */
    QueueLinks(ComplaintStatus status, QueueFilter filter, String assignee) {
        this.status = status;
        this.filter = filter;
        this.assignee = assignee == null || assignee.isBlank() ? null : assignee.strip();
    }

    static int page(String asked) {
        try {
            return asked == null ? 1 : Math.max(1, Integer.parseInt(asked.strip()));
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }

    /** The path and query of page {@code page}, encoded (for {@code @{...}}, which adds the context path). */
    String to(int page) {
        return UriComponentsBuilder.fromPath("/desk")
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParamIfPresent("building", Optional.ofNullable(filter.building()))
                .queryParamIfPresent("category", Optional.ofNullable(filter.category()))
                .queryParamIfPresent("department", Optional.ofNullable(filter.department()))
                .queryParamIfPresent("assignee", Optional.ofNullable(assignee))
                .queryParamIfPresent("q", Optional.ofNullable(filter.q()))
                .queryParam("page", page)
                .encode().build().toUriString();
    }
}
