package com.icegreen.greenmail.imap;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.MessageFlags;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;

/**
 * As GreenMail's {@link ImapSessionImpl} (which is final), but the folder a session selects asks the folder itself for a
 * message's sequence number instead of copying and scanning all its UIDs for each message: the embedded mail server's
 * folders ({@code io.hearken.embedded.mail.ForwardingFolder}) answer by a binary search. In GreenMail's package because
 * the flag updates a session reports are package-private.
 */
public final class IndexedImapSession implements ImapSession {

    private final ImapHostManager host;
    private final UserManager users;
    private final ImapHandler handler;
    private final String clientAddress;
    private ImapSessionState state = ImapSessionState.NON_AUTHENTICATED;
    private GreenMailUser user;
    private ImapSessionFolder selected;

    public IndexedImapSession(ImapHostManager host, UserManager users, ImapHandler handler, String clientAddress) {
        this.host = host;
        this.users = users;
        this.handler = handler;
        this.clientAddress = clientAddress;
    }

    @Override
    public void unsolicitedResponses(ImapResponse response) throws FolderException {
        unsolicitedResponses(response, false);
    }

    @Override
    public void unsolicitedResponses(ImapResponse response, boolean omitExpunged) throws FolderException {
        ImapSessionFolder folder = selected;
        if (folder == null) {
            return;
        }
        if (folder.isSizeChanged()) {
            response.existsResponse(folder.getMessageCount());
            response.recentResponse(folder.getRecentCount(true));
            folder.setSizeChanged(false);
        }
        for (ImapSessionFolder.FlagUpdate update : folder.getFlagUpdates()) {
            StringBuilder out = new StringBuilder("FLAGS ").append(MessageFlags.format(update.getFlags()));
            if (update.getUid() != null) {
                out.append(" UID ").append(update.getUid());
            }
            response.fetchResponse(update.getMsn(), out.toString());
        }
        if (!omitExpunged) {
            for (int msn : folder.getExpunged()) {
                response.expungeResponse(msn);
            }
        }
    }

    @Override
    public void closeConnection(String byeMessage) {
        handler.forceConnectionClose(byeMessage);
    }

    @Override
    public void closeConnection() {
        handler.close();
    }

    @Override
    public ImapHostManager getHost() {
        return host;
    }

    @Override
    public UserManager getUserManager() {
        return users;
    }

    @Override
    public String getClientIP() {
        return clientAddress;
    }

    @Override
    public ImapSessionState getState() {
        return state;
    }

    @Override
    public void setAuthenticated(GreenMailUser user) {
        state = ImapSessionState.AUTHENTICATED;
        this.user = user;
    }

    @Override
    public GreenMailUser getUser() {
        return user;
    }

    @Override
    public void setSelected(MailFolder folder, boolean readOnly) {
        selected = new SessionFolder(folder, this, readOnly);
        state = ImapSessionState.SELECTED;
    }

    @Override
    public void deselect() {
        state = ImapSessionState.AUTHENTICATED;
        if (selected != null) {
            selected.deselect();
            selected = null;
        }
    }

    @Override
    public ImapSessionFolder getSelected() {
        return selected;
    }

    /** GreenMail's session folder; a message's number is the folder's own answer (the same: its place in the folder). */
    private static final class SessionFolder extends ImapSessionFolder {

        private final MailFolder folder;

        SessionFolder(MailFolder folder, ImapSession session, boolean readOnly) {
            super(folder, session, readOnly);
            this.folder = folder;
        }

        @Override
        public int getMsn(long uid) throws FolderException {
            return folder.getMsn(uid);
        }
    }
}
