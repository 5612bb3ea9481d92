package io.hearken.embedded.mail;

import java.util.List;

/**
 * How much mail the server keeps, so its memory is bounded: the complaints account's INBOX has no limit
 * (the email intake empties it), its other folders ({@code Processed}, {@code Quarantine}) keep the
 * newest {@code processed} mails, and every other mailbox (a resident's, which only the notifier fills)
 * the newest {@code perMailbox}; all those folders together the newest {@code total}. 0 means no limit.
 */
public record MailLimits(String complaintsAddress, int perMailbox, int processed, int total) {

    int of(String owner, List<String> folder) {
        if (!owner.equalsIgnoreCase(complaintsAddress)) {
            return perMailbox;
        }
        return folder.size() == 1 && folder.get(0).equalsIgnoreCase("INBOX") ? 0 : processed;
    }
}
