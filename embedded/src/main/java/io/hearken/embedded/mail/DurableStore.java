package io.hearken.embedded.mail;

import static com.icegreen.greenmail.imap.ImapConstants.USER_NAMESPACE;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.InMemoryStore;
import com.icegreen.greenmail.store.IndexedChildren;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.Store;
import jakarta.mail.Quota;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringTokenizer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * GreenMail's in-memory store with every folder kept on disk too, one directory per folder under
 * {@code folders/}, named by its path (each name %-escaped, joined by dots). A folder created where a
 * directory already exists takes that directory's mail: that is how mail comes back at start-up.
 * Folders are found by name through an index of each folder's children: GreenMail searches every sibling, and
 * every resident address is an account (a child of the user namespace), so its search grew with the history.
 * An account dropped from memory ({@link ResidentAccounts}) keeps its directories and comes back when looked up by name.
 */
final class DurableStore implements Store {

    private final InMemoryStore memory = new InMemoryStore();
    private final Path root;
    private final ToIntFunction<List<String>> limits;
    private final MailBudget budget;
    private final ResidentAccounts residents;
    private final Map<MailFolder, DurableFolder> folders = new ConcurrentHashMap<>(); // GreenMail's folder → ours
    /** Each folder's children by lower-case name (GreenMail compares names ignoring case). */
    private final Map<MailFolder, Map<String, DurableFolder>> children = new ConcurrentHashMap<>();
    private final DurableFolder namespace;
    private volatile List<FolderRestore.Restored> restoring; // while starting: mail back in memory, not yet counted

    DurableStore(Path root, ToIntFunction<List<String>> limits, MailBudget budget, ResidentAccounts residents) {
        this.root = root;
        this.limits = limits;
        this.budget = budget;
        this.residents = residents;
        MailFolder top = memory.getMailbox(USER_NAMESPACE);
        namespace = new DurableFolder(top, List.of(), null, limits, budget, residents);
        folders.put(top, namespace);
    }

    /** From now until {@link #restore}, restored mail is counted against the limits only at the end. */
    void restoring() {
        restoring = new ArrayList<>();
    }

    /**
     * Brings back every folder found on disk (its account was restored before), parents first; then counts
     * all restored mail, oldest first, against the limits (which drop some only if they were lowered).
     */
    void restore() throws FolderException {
        List<List<String>> paths = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> dirs = Files.list(root)) {
                dirs.filter(Files::isDirectory).map(d -> decode(d.getFileName().toString()))
                        .filter(p -> !residents.isDormant(p.get(0))) // left on disk until looked up
                        .forEach(paths::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + root, e);
            }
        }
        paths.sort(Comparator.comparingInt(List::size));
        for (List<String> path : paths) {
            MailFolder folder = getMailbox(USER_NAMESPACE);
            for (int i = 0; i < path.size(); i++) {
                MailFolder child = getMailbox(folder, path.get(i));
                folder = child != null ? child : createMailbox(folder, path.get(i), i == path.size() - 1 && selectable(path));
            }
        }
        List<FolderRestore.Restored> restored = restoring;
        restoring = null;
        restored.sort(Comparator.comparing(FolderRestore.Restored::received));
        restored.forEach(r -> r.folder().kept(r.uid()));
    }

    private boolean selectable(List<String> path) {
        FolderFiles files = new FolderFiles(dir(path));
        return !files.exists() || Boolean.parseBoolean(files.meta().getProperty("selectable", "true"));
    }

    @Override
    public MailFolder createMailbox(MailFolder parent, String mailboxName, boolean selectable) throws FolderException {
        DurableFolder p = (DurableFolder) parent;
        DurableFolder folder;
        Map<String, DurableFolder> siblings = childrenOf(p);
        synchronized (siblings) {
            if (siblings.containsKey(key(mailboxName))) {
                throw new IllegalStateException("Mailbox " + mailboxName + " already exists in " + p.getFullName());
            }
            MailFolder created = IndexedChildren.detached(p.memory, mailboxName, selectable);
            List<String> path = new ArrayList<>(p.path);
            path.add(mailboxName);
            folder = new DurableFolder(created, path, new FolderFiles(dir(path)), limits, budget, residents);
            folders.put(created, folder); // before GreenMail lists it: a listing meanwhile finds ours
            IndexedChildren.attach(p.memory, created);
            siblings.put(key(mailboxName), folder);
        }
        List<FolderRestore.Restored> restored = FolderRestore.restore(folder, selectable);
        if (restoring != null) {
            restoring.addAll(restored);
        } else {
            restored.forEach(r -> folder.kept(r.uid()));
        }
        return folder;
    }

    @Override
    public void deleteMailbox(MailFolder folder) throws FolderException {
        DurableFolder f = (DurableFolder) folder;
        memory.deleteMailbox(f.memory);
        folders.remove(f.memory);
        children.remove(f.memory);
        children.values().forEach(siblings -> siblings.values().remove(f)); // rare: an account or folder deleted
        if (f.files() != null) {
            synchronized (f.files()) {
                f.files().deleteAll();
            }
        }
    }

    /** GreenMail renames in memory; then every folder whose path changed (it and its children) moves on disk. */
    @Override
    public void renameMailbox(MailFolder existingFolder, String newName) throws FolderException {
        memory.renameMailbox(((DurableFolder) existingFolder).memory, newName);
        repath(memory.getMailbox(USER_NAMESPACE), List.of());
        children.clear(); // rare: built again from GreenMail's tree on the next look-ups
    }

    private void repath(MailFolder parent, List<String> path) {
        for (MailFolder child : memory.getChildren(parent)) {
            List<String> childPath = new ArrayList<>(path);
            childPath.add(child.getName());
            DurableFolder f = folders.get(child);
            if (f != null && !f.path.equals(childPath)) {
                synchronized (f.files()) {
                    f.files().moveTo(dir(childPath));
                }
                f.path = List.copyOf(childPath);
            }
            repath(child, childPath);
        }
    }

    @Override
    public MailFolder setSelectable(MailFolder folder, boolean selectable) {
        DurableFolder f = (DurableFolder) folder;
        memory.setSelectable(f.memory, selectable);
        if (f.files() != null) {
            synchronized (f.files()) {
                f.files().saveMeta(f.memory.getUidValidity(), f.memory.getUIDNext(), selectable);
            }
        }
        return folder;
    }

    /** As GreenMail's: {@code #mail.<account>.<folder>…}, each name ignoring case; null when there is none. */
    @Override
    public MailFolder getMailbox(String qualifiedMailboxName) {
        StringTokenizer names = new StringTokenizer(qualifiedMailboxName, ".");
        if (!names.hasMoreTokens() || !USER_NAMESPACE.equalsIgnoreCase(names.nextToken())) {
            return ours(memory.getMailbox(qualifiedMailboxName)); // GreenMail's own answer (an error)
        }
        MailFolder folder = namespace;
        while (folder != null && names.hasMoreTokens()) {
            String name = names.nextToken();
            MailFolder child = getMailbox(folder, name);
            if (child == null && folder == namespace && residents.revive(name)) {
                child = getMailbox(folder, name); // an account dropped from memory, back from disk
            }
            folder = child;
        }
        return folder;
    }

    /** Whether the account's only folder is its inbox (it holds no folders of its own to keep). */
    boolean holdsOnlyInbox(String account) {
        DurableFolder top = childrenOf(namespace).get(key(account));
        if (top == null) {
            return false;
        }
        Map<String, DurableFolder> inside = childrenOf(top);
        DurableFolder inbox = inside.get("inbox");
        return inside.size() == 1 && inbox != null && memory.getChildren(inbox.memory).isEmpty();
    }

    /**
     * The account and its inbox leave memory (GreenMail's tree and our indexes); their directories stay. The folder
     * objects are marked dropped, so a change that still reaches one goes to the account brought back.
     */
    void forget(String account) {
        Map<String, DurableFolder> accounts = childrenOf(namespace);
        DurableFolder top;
        synchronized (accounts) {
            top = accounts.remove(key(account));
            if (top == null) {
                return;
            }
            IndexedChildren.detach(namespace.memory, top.memory);
        }
        Map<String, DurableFolder> inside = children.remove(top.memory);
        if (inside != null) {
            for (DurableFolder f : inside.values()) {
                f.dropped = true;
                folders.remove(f.memory);
                children.remove(f.memory);
            }
        }
        top.dropped = true;
        folders.remove(top.memory);
    }

    /** Every folder in memory. */
    Collection<DurableFolder> folders() {
        return folders.values();
    }

    @Override
    public MailFolder getMailbox(MailFolder parent, String mailboxName) {
        return childrenOf((DurableFolder) parent).get(key(mailboxName));
    }

    /** Built from GreenMail's tree the first time (after a rename), then kept by create and delete. */
    private Map<String, DurableFolder> childrenOf(DurableFolder parent) {
        return children.computeIfAbsent(parent.memory, p -> {
            Map<String, DurableFolder> byName = new ConcurrentHashMap<>();
            memory.getChildren(p).forEach(c -> byName.put(key(c.getName()), (DurableFolder) ours(c)));
            return byName;
        });
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public Collection<MailFolder> getChildren(MailFolder parent) {
        return memory.getChildren(((DurableFolder) parent).memory).stream().map(this::ours).toList();
    }

    @Override
    public Collection<MailFolder> listMailboxes(String searchPattern) throws FolderException {
        return memory.listMailboxes(searchPattern).stream().map(this::ours).toList();
    }

    /** Every folder GreenMail has was made through {@link #createMailbox}, so each has ours. */
    private MailFolder ours(MailFolder folder) {
        if (folder == null) {
            return null;
        }
        DurableFolder f = folders.get(folder);
        if (f == null) {
            throw new IllegalStateException("Mail folder " + folder.getFullName() + " was not created through the durable store");
        }
        return f;
    }

    @Override public Quota[] getQuota(String r, String prefix, boolean withDefault) { return memory.getQuota(r, prefix, withDefault); }
    @Override public void setQuota(Quota quota, String prefix) { memory.setQuota(quota, prefix); }
    @Override public void deleteQuota(String prefix) { memory.deleteQuota(prefix); }
    @Override public boolean isQuotaSupported() { return memory.isQuotaSupported(); }
    @Override public void setQuotaSupported(boolean supported) { memory.setQuotaSupported(supported); }

    private Path dir(List<String> path) {
        StringBuilder name = new StringBuilder();
        for (String segment : path) {
            if (!name.isEmpty()) {
                name.append('.');
            }
            for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '@' || c == '_' || c == '-');
                name.append(plain ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
            }
        }
        return root.resolve(name.toString());
    }

    private static List<String> decode(String name) {
        List<String> path = new ArrayList<>();
        for (String segment : name.split("\\.", -1)) {
            path.add(java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return path;
    }
}
