package io.hearken.embedded.mail;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** A folder just created in GreenMail's memory takes back what its directory holds, or writes itself down if new. */
final class FolderRestore {

    private FolderRestore() {
    }

    /** A mail back in memory. */
    record Restored(DurableFolder folder, long uid, Date received) {
    }

    /** The mail restored, for the caller to count against the limits once every account is known. */
    static List<Restored> restore(DurableFolder folder, boolean selectable) {
        FolderFiles files = folder.files();
        List<Restored> restored = new ArrayList<>();
        if (files == null) {
            return restored;
        }
        var memory = folder.memory;
        synchronized (files) {
            if (!files.exists()) {
                // An account's top folder holds no mail: not forced (one disk flush less for each new resident's mail)
                files.saveMeta(memory.getUidValidity(), memory.getUIDNext(), selectable, selectable);
                return restored;
            }
            Properties meta = files.meta();
            boolean sameUids = Uids.setValidity(memory, Long.parseLong(meta.getProperty("uidvalidity", "0")));
            long next = Long.parseLong(meta.getProperty("uidnext", "1"));
            for (FolderFiles.Saved saved : files.saved()) {
                MimeMessage mail;
                try (InputStream in = Files.newInputStream(saved.file())) {
                    mail = GreenMailUtil.newMimeMessage(in);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + saved.file(), e);
                }
                sameUids = sameUids && Uids.setNext(memory, saved.number());
                long uid = memory.appendMessage(mail, saved.flags(), saved.received());
                files.adopt(uid, saved.number());
                restored.add(new Restored(folder, uid, saved.received()));
                next = Math.max(next, saved.number() + 1);
            }
            if (!(sameUids && Uids.setNext(memory, next))) {
                files.saveMeta(memory.getUidValidity(), memory.getUIDNext(), selectable); // numbered afresh
            }
        }
        return restored;
    }
}
