package io.hearken.intake.hotline.folder;

import io.hearken.events.ComplaintId;
import io.hearken.events.privacy.PersonalData;
import io.hearken.intake.hotline.call.Call;
import io.hearken.intake.hotline.parsing.Parsed;
import io.hearken.intake.hotline.parsing.Problem;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an erasure looks for in an archived transcript: the resident's phone numbers (or mail addresses) anywhere in
 * a call's text, known only by their keyed hashes, so every number-like run is hashed and compared; the tracking ids
 * of the erased complaints; and the call ids that went to them.
 */
final class ErasedResident {

    /** A phone number as people write it: digits with spaces, brackets or dashes, an optional +. */
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()\\-]{4,40}\\d");
    /** Each run of digits alone too: two numbers side by side are two numbers. */
    private static final Pattern DIGITS = Pattern.compile("\\d{5,}");
    private static final Pattern CALL_IN_ERROR_LINE = Pattern.compile("\\(call ([^)]*)\\)");

    private final PersonalData personalData;
    private final Set<String> contactHashes;
    private final Set<String> complaintIds;
    private final Set<String> callIds;

    ErasedResident(PersonalData personalData, Set<String> contactHashes, Set<String> complaintIds, Set<String> callIds) {
        this.personalData = personalData;
        this.contactHashes = contactHashes;
        this.complaintIds = complaintIds;
        this.callIds = callIds;
    }

    /** A contact of the resident or a tracking id of an erased complaint in {@code text}. */
    boolean mentionedIn(String text) {
        return anyHashed(PHONE, text) || anyHashed(DIGITS, text) || anyHashed(PersonalData.ADDRESS_IN_TEXT, text)
                || namesComplaint(text);
    }

    /** Cheap look before cutting a file into calls: might one of the erased call ids be in it? */
    boolean mayHoldCall(String text) {
        return callIds.stream().anyMatch(text::contains);
    }

    /** The call (or bad line) the readers found in one block went to an erased complaint. */
    boolean isErasedCall(Parsed parsed) {
        return parsed.calls().stream().map(Call::callId).anyMatch(callIds::contains)
                || parsed.problems().stream().map(Problem::callId).anyMatch(callIds::contains);
    }

    /** A line of an error file ({@code line 4 (call C-17): ...}) about an erased call. */
    boolean namesCall(String line) {
        Matcher m = CALL_IN_ERROR_LINE.matcher(line);
        return m.find() && callIds.contains(m.group(1));
    }

    private boolean anyHashed(Pattern pattern, String text) {
        if (contactHashes.isEmpty()) {
            return false;
        }
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (contactHashes.contains(personalData.hash(m.group()))) {
                return true;
            }
        }
        return false;
    }

    private boolean namesComplaint(String text) {
        if (complaintIds.isEmpty()) {
            return false;
        }
        Matcher m = ComplaintId.IN_TEXT.matcher(text.toUpperCase(Locale.ROOT));
        while (m.find()) {
            if (complaintIds.contains(m.group())) {
                return true;
            }
        }
        return false;
    }
}
