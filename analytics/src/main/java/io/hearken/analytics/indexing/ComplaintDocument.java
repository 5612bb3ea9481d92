package io.hearken.analytics.indexing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code complaints} document: one per complaint, its current state folded from every event seen
 * so far (see {@link ComplaintProjection}). Of the resident only a keyed hash ({@code contactHash}); free
 * texts with phone, ID-card, e-mail and plate numbers masked ({@link io.hearken.events.privacy.FreeTextMasking}). Mutable on purpose: the projection updates it in place.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComplaintDocument {

    public String id;
    public String status;
    public Boolean open;
    public String channel;
    public String via;
    public String category;
    public String categoryHint;
    public Boolean needsTriage;
    public Double confidence;
    /** When a supervisor last corrected category and urgency: an older routing delivered later does not undo it. */
    public Instant classificationCorrectedAt;
    public String urgency;
    public Integer priority;
    public String department;
    public String language;
    public String residentType;
    /** The router's customer type (the channel's resident type for routings made before it). */
    public String customerType;
    /** ANGRY, DISTRESSED or NEUTRAL from the latest routing; absent for routings made before it. */
    public String sentiment;
    public String building;
    public String unit;
    public String area;
    public Map<String, Double> location;
    public String subject;
    public String description;
    /** The keyed hash of the contact (e-mail, else phone), for linking; no name, address or number, not even masked. */
    public String contactHash;
    public Instant receivedAt;
    public Instant routedAt;
    public Instant firstResponseAt;
    public Instant resolvedAt;
    public Instant closedAt;
    public Instant updatedAt;
    public Instant firstResponseDue;
    public Instant resolutionDue;
    public Long firstResponseMinutes;
    public Long resolutionMinutes;
    /** MET, BREACHED or PENDING. */
    public String slaFirstResponse;
    public String slaResolution;
    public String slaStatus;
    /** 1 when the SLA was met, 0 when breached, absent while pending: its average is the compliance rate. */
    public Integer slaMet;
    public Boolean slaBreached;
    public int slaWarnings;
    public Integer satisfaction;
    public Instant feedbackAt;
    public Boolean repeat;
    public List<String> repeatOf = new ArrayList<>();
    public String relatedTo;
    public String duplicateOf;
    public Boolean merged;
    public int escalations;
    public String escalationLevel;
    public Boolean escalated;
    public int reassignments;
    public int reopens;
    public int followUps;
    public int notificationsSent;
    public int notificationsNotSent;
    public int mailBounces;
    public int eventCount;
    /** The person named to handle it ({@code handler-assigned}: user name and name); cleared by a reassignment. */
    public String handler;
    public String handlerName;
    /** When the handler was last named or cleared: an older naming delivered later does not undo it. */
    public Instant handlerAt;
    /**
     * Return visits (回访, {@code ReturnVisitRule}): why one is (or was last) owed (LOW_SCORE, URGENT, CATEGORY),
     * since when and when it is due; {@code returnVisitPending} until one is recorded after {@code returnVisitSince}
     * (overdue = pending and due before now, asked at query time).
     */
    public String returnVisitReason;
    public Instant returnVisitSince;
    public Instant returnVisitDue;
    public Boolean returnVisitPending;
    /** The latest visit recorded and its outcome; how many were recorded. */
    public Instant returnVisitAt;
    public Boolean returnVisitReached;
    public Boolean returnVisitSatisfied;
    public int returnVisits;
    /** The resident's latest follow-up: one that arrived before the question it answers still answers it. */
    public Instant lastFollowUpAt;
    /** When the status last changed: a late event older than this never changes the status. */
    public Instant statusAt;
    /**
     * True once the complaint was anonymised (erasure or retention, {@code ComplaintAnonymised}): the resident's
     * words, unit, coordinates and contact hash are gone for good; what the dashboards count stays.
     */
    public Boolean anonymised;
    /** Ids of the events folded in: a redelivered event is recognised and skipped. */
    public List<String> appliedEvents = new ArrayList<>();

    public ComplaintDocument() {
    }

    ComplaintDocument(String id) {
        this.id = id;
    }

    /**
     * Drops all that is the resident's: their words, where exactly they live, the coordinates, the contact hash.
     * Category, department, status, dates, channel, building, area and the SLA figures stay for the statistics.
     */
    void forgetResident() {
        anonymised = true;
        subject = null;
        description = null;
        unit = null;
        location = null;
        contactHash = null;
    }
}
