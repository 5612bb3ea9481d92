package io.hearken.embedded.mail;

import com.icegreen.greenmail.foedus.util.MsgRangeFilter;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.SearchTerm;
import java.util.Arrays;
import java.util.List;

/**
 * A GreenMail folder that hands every reading call to the in-memory folder it wraps; what changes mail is left to
 * the subclass ({@link DurableFolder}), which must also write it to disk. It keeps the folder's UIDs in order while
 * no mail comes or goes, so a message's sequence number is a binary search ({@link #getMsn}), not GreenMail's scan.
 */
abstract class ForwardingFolder implements MailFolder, UIDFolder {

    /**
     * The folder's UIDs in sequence-number order, as of a count of messages and a next UID: a mail added raises the
     * next UID (before it is listed), one gone lowers the count, so while both are the same the UIDs are too.
     */
    private record Numbering(int count, long uidNext, long[] uids) {
    }

    final MailFolder memory;
    private volatile Numbering numbering;

    ForwardingFolder(MailFolder memory) {
        this.memory = memory;
    }

    /** The UIDs, taken again only after a change (its marks read first: a change meanwhile makes the next call take them again). */
    private long[] uids() {
        long uidNext = memory.getUIDNext();
        int count = memory.getMessageCount();
        Numbering n = numbering;
        if (n != null && n.count() == count && n.uidNext() == uidNext) {
            return n.uids();
        }
        long[] uids = memory.getMessageUids();
        numbering = new Numbering(count, uidNext, uids);
        return uids;
    }

    /**
     * As GreenMail's: the message's 1-based position in the folder, exact at the moment of the call. The numbering
     * finds the place; the live list confirms it, because a numbering taken while a change was under way (marks read
     * before an append was listed and a removal at once, say) can match the marks and still be out of date. Exact
     * matters: GreenMail's MOVE and COPY ask for the number of every message of the folder while holding its list, and
     * a message they hold that is not found is an error that ends the client's connection.
     */
    @Override
    public int getMsn(long uid) throws FolderException {
        int i = Arrays.binarySearch(uids(), uid);
        if (i >= 0 && uidAt(i) == uid) {
            return i + 1;
        }
        numbering = null; // out of date, or UIDs out of order (two appends that raced): taken again next time
        long[] now = memory.getMessageUids();
        for (int j = 0; j < now.length; j++) {
            if (now[j] == uid) {
                return j + 1;
            }
        }
        throw new FolderException("No such message with uid " + uid + " in folder " + getName());
    }

    private long uidAt(int index) {
        try {
            return memory.getMessages().get(index).getUid();
        } catch (IndexOutOfBoundsException changedMeanwhile) {
            return -1;
        }
    }

    @Override public String getName() { return memory.getName(); }
    @Override public String getFullName() { return memory.getFullName(); }
    @Override public Flags getAvailableFlags() { return memory.getAvailableFlags(); }
    @Override public Flags getPermanentFlags() { return memory.getPermanentFlags(); }
    @Override public int getMessageCount() { return memory.getMessageCount(); }
    @Override public int getRecentCount(boolean reset) { return memory.getRecentCount(reset); }
    @Override public long getUidValidity() { return memory.getUidValidity(); }
    @Override public int getFirstUnseen() { return memory.getFirstUnseen(); }
    @Override public int getUnseenCount() { return memory.getUnseenCount(); }
    @Override public boolean isSelectable() { return memory.isSelectable(); }
    @Override public long getUIDNext() { return memory.getUIDNext(); }
    @Override public void addListener(FolderListener listener) { memory.addListener(listener); }
    @Override public void removeListener(FolderListener listener) { memory.removeListener(listener); }

    /** By its place from {@link #getMsn}'s numbering when that is current (GreenMail scans the folder from the start). */
    @Override
    public StoredMessage getMessage(long uid) {
        int i = Arrays.binarySearch(uids(), uid);
        if (i >= 0) {
            try {
                StoredMessage m = memory.getMessages().get(i);
                if (m.getUid() == uid) {
                    return m;
                }
            } catch (IndexOutOfBoundsException changedMeanwhile) {
                // GreenMail's scan below
            }
        }
        return memory.getMessage(uid);
    }

    /** A message just added, so at the end of the folder: looked for from the end, without numbering the folder again. */
    StoredMessage newest(long uid) {
        List<StoredMessage> all = memory.getMessages();
        try {
            for (int i = all.size() - 1, looked = 0; i >= 0 && looked < 64; i--, looked++) {
                StoredMessage m = all.get(i);
                if (m.getUid() == uid) {
                    return m;
                }
            }
        } catch (IndexOutOfBoundsException changedMeanwhile) {
            // GreenMail's scan below
        }
        return memory.getMessage(uid);
    }
    /** The list as it is (a copy either way), never a numbering that may be out of date. */
    @Override public long[] getMessageUids() { return memory.getMessageUids(); }
    @Override public long[] search(SearchTerm searchTerm) { return memory.search(searchTerm); }
    @Override public void signalDeletion() { memory.signalDeletion(); }
    @Override public List<StoredMessage> getMessages(MsgRangeFilter range) { return memory.getMessages(range); }
    @Override public List<StoredMessage> getMessages() { return memory.getMessages(); }
    @Override public List<StoredMessage> getNonDeletedMessages() { return memory.getNonDeletedMessages(); }
    @Override public long getUIDValidity() { return memory.getUidValidity(); }
    @Override public Message getMessageByUID(long uid) throws MessagingException { return uid().getMessageByUID(uid); }
    @Override public Message[] getMessagesByUID(long start, long end) throws MessagingException { return uid().getMessagesByUID(start, end); }
    @Override public Message[] getMessagesByUID(long[] uids) throws MessagingException { return uid().getMessagesByUID(uids); }
    @Override public long getUID(Message message) throws MessagingException { return uid().getUID(message); }

    private UIDFolder uid() {
        return (UIDFolder) memory;
    }
}
