package io.hearken.desk.replies;

import io.hearken.desk.board.ComplaintBoard;
import io.hearken.desk.board.DeskComplaint;
import io.hearken.events.ComplaintId;
import io.hearken.desk.i18n.DeskMessages;
import io.hearken.desk.replies.CannedRepliesProperties.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The canned replies a department may use: its own, then the office's, in the resident's language first. With a
 * complaint the placeholders are filled from it (its tracking id, its department's name in the complaint's
 * language, its building); without one they stay as they are. Nothing about the staff member goes in.
 */
@Component("cannedReplies")
public class CannedReplies {

    private final CannedRepliesProperties properties;
    private final DeskMessages messages;

    private final ComplaintBoard board;

    CannedReplies(CannedRepliesProperties properties, DeskMessages messages, ComplaintBoard board) {
        this.properties = properties;
        this.messages = messages;
        this.board = board;
    }

    /** The complaint page's picker ({@code ${@cannedReplies.forPage(id)}}); the page has checked who may see it. */
    public List<Canned> forPage(String id) {
        return ComplaintId.isValid(id) ? board.find(ComplaintId.of(id)).map(this::forComplaint).orElse(List.of())
                : List.of();
    }

    /** One usable reply; {@code scope} is {@code department} or {@code office}. */
    public record Canned(String id, String title, String text, String language, String scope) {
    }

    public List<Canned> of(String department, String language) {
        return collect(department, language, null);
    }

    /** For the complaint page: the complaint's department, filled in, the resident's language first. */
    public List<Canned> forComplaint(DeskComplaint complaint) {
        return collect(complaint.department(), null, complaint);
    }

    private List<Canned> collect(String department, String language, DeskComplaint complaint) {
        List<Canned> out = new ArrayList<>();
        add(out, department, properties.replies().get(department), "department", language, complaint);
        if (!CannedRepliesProperties.OFFICE.equals(department)) {
            add(out, CannedRepliesProperties.OFFICE, properties.replies().get(CannedRepliesProperties.OFFICE), "office",
                    language, complaint);
        }
        String first = complaint == null || complaint.complaint() == null ? null : complaint.complaint().language();
        if (first != null) {
            String preferred = first.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "zh-CN";
            out.sort(Comparator.comparing(c -> c.language() != null && !c.language().equals(preferred)));
        }
        return out;
    }

    private void add(List<Canned> out, String key, List<Reply> replies, String scope, String language,
            DeskComplaint complaint) {
        if (replies == null) {
            return;
        }
        for (int i = 0; i < replies.size(); i++) {
            Reply r = replies.get(i);
            if (language == null || r.language() == null || r.language().equalsIgnoreCase(language)) {
                String text = complaint == null ? r.text() : fill(r.text(), r.language(), complaint);
                out.add(new Canned(key + "-" + i, r.title(), text, r.language(), scope));
            }
        }
    }

    private String fill(String text, String replyLanguage, DeskComplaint c) {
        String language = replyLanguage != null ? replyLanguage
                : c.complaint() == null || c.complaint().language() == null ? "zh-CN" : c.complaint().language();
        Locale locale = language.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        String department = c.department() == null ? "" : messages.get("desk.dept." + c.department(), locale);
        if (department.startsWith("desk.dept.")) {
            department = c.department();
        }
        String building = c.complaint() == null || c.complaint().place() == null
                || c.complaint().place().building() == null ? "" : c.complaint().place().building();
        return text.replace("{trackingId}", c.id().value()).replace("{department}", department)
                .replace("{building}", building);
    }
}
