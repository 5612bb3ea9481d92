package io.hearken.embedded.mail;

import com.icegreen.greenmail.store.MailFolder;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a restored GreenMail folder back its UIDVALIDITY and its messages their UIDs, so an IMAP client
 * that remembers UIDs across our restart is not misled. GreenMail (2.1.x) has no API for this, so its
 * two fields are set directly; if a GreenMail version renames them, the folder gets a new UIDVALIDITY
 * and new UIDs instead, which IMAP clients handle (they drop what they remembered), and the log says so.
 */
final class Uids {

    private static final Logger log = LoggerFactory.getLogger(Uids.class);
    private static volatile boolean warned;

    private Uids() {
    }

    /** {@code false}: this GreenMail cannot be told, it numbers afresh. */
    static boolean setValidity(MailFolder folder, long uidValidity) {
        try {
            field(folder, "uidValidity").setLong(folder, uidValidity);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            warn(e);
            return false;
        }
    }

    /** The UID the folder hands out next. */
    static boolean setNext(MailFolder folder, long uid) {
        try {
            ((AtomicLong) field(folder, "nextUid").get(folder)).set(uid);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            warn(e);
            return false;
        }
    }

    private static Field field(MailFolder folder, String name) throws NoSuchFieldException {
        Field f = folder.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    private static void warn(Exception e) {
        if (!warned) {
            warned = true;
            log.warn("Mail restored with new UIDs and a new UIDVALIDITY (this GreenMail version does not let us keep them): {}",
                    e.toString());
        }
    }
}
