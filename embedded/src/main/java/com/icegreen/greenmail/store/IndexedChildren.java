package com.icegreen.greenmail.store;

/**
 * Adds a child folder without GreenMail's check that no sibling has its name, which searches every sibling:
 * the embedded mail server makes an account (a child of the user namespace) for every resident address, so
 * that search grew with the history and ran under the server's one delivery lock. The caller
 * ({@code io.hearken.embedded.mail.DurableStore}) keeps its own index of names and has checked it already.
 * In GreenMail's package because {@link HierarchicalFolder} is package-private.
 */
public final class IndexedChildren {

    private IndexedChildren() {
    }

    /**
     * As {@code InMemoryStore.createMailbox}, without the search ({@code parent} has no child of this name), and in
     * two steps: the folder is made first and becomes visible (listed, found) only when {@link #attach}ed, so the
     * caller can register it before anyone can see it.
     */
    public static MailFolder detached(MailFolder parent, String name, boolean selectable) throws FolderException {
        if (name.indexOf('.') != -1) {
            throw new FolderException("Invalid mailbox name " + name);
        }
        HierarchicalFolder child = new HierarchicalFolder((HierarchicalFolder) parent, name);
        child.setSelectable(selectable);
        return child;
    }

    public static void attach(MailFolder parent, MailFolder child) {
        ((HierarchicalFolder) parent).getChildren().add((HierarchicalFolder) child);
    }

    /** Takes a child out of its parent's list (the caller has checked it may go: an empty account, see the caller). */
    public static void detach(MailFolder parent, MailFolder child) {
        ((HierarchicalFolder) parent).removeChild((HierarchicalFolder) child);
    }
}
