package io.hearken.embedded.mail;

import java.util.List;

/**
 * How much mail the server keeps, so its memory is bounded: the complaints account's INBOX has no limit
 * (the email intake empties it), its other folders ({@code Processed}, {@code Quarantine}) keep the
 * newest {@code processed} mails, and every other mailbox (a resident's, which only the notifier fills)
 * the newest {@code perMailbox}; all those folders together the newest {@code total}. 0 means no limit.
 *
 * <p>Each limit is kept a tenth at a time: a folder (or all of them together) may go a tenth over its limit, at least
 * 1 mail; the delivery that reaches limit + limit/10 drops the oldest down to the limit, in one pass over the folder,
 * since making room for each mail cost a pass over the whole folder for each delivery into a full one. So memory holds
 * at most {@code limit + max(1, limit / 10)} mails, and that only while such a delivery makes room: between deliveries
 * one less; a limit under 20 holds exactly its limit between deliveries.
 */
public record MailLimits(String complaintsAddress, int perMailbox, int processed, int total) {

    int of(String owner, List<String> folder) {
        if (!owner.equalsIgnoreCase(complaintsAddress)) {
            return perMailbox;
        }
        return folder.size() == 1 && folder.get(0).equalsIgnoreCase("INBOX") ? 0 : processed;
    }
}
