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
import java.util.List;

/**
 * A GreenMail folder that hands every reading call to the in-memory folder it wraps; what changes mail is left to
 * the subclass ({@link DurableFolder}), which must also write it to disk.
 */
abstract class ForwardingFolder implements MailFolder, UIDFolder {

    final MailFolder memory;

    ForwardingFolder(MailFolder memory) {
        this.memory = memory;
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
    @Override public StoredMessage getMessage(long uid) { return memory.getMessage(uid); }
    @Override public long[] getMessageUids() { return memory.getMessageUids(); }
    @Override public long[] search(SearchTerm searchTerm) { return memory.search(searchTerm); }
    @Override public int getMsn(long uid) throws FolderException { return memory.getMsn(uid); }
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
