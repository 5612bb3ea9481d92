package io.hearken.events;

/**
 * The JSON type id of an event ({@code "type"}, listed in docs/events.md), without reflection: each event type
 * names its own {@code TYPE} here, and a new type does not compile until it does.
 */
public final class EventTypes implements ComplaintEvent.Visitor<String> {

    private static final EventTypes INSTANCE = new EventTypes();

    private EventTypes() {
    }

    public static String of(ComplaintEvent event) {
        return event.accept(INSTANCE);
    }

    @Override
    public String visit(ComplaintReceived event) {
        return ComplaintReceived.TYPE;
    }

    @Override
    public String visit(FollowUpReceived event) {
        return FollowUpReceived.TYPE;
    }

    @Override
    public String visit(FeedbackGiven event) {
        return FeedbackGiven.TYPE;
    }

    @Override
    public String visit(ComplaintRouted event) {
        return ComplaintRouted.TYPE;
    }

    @Override
    public String visit(ComplaintAcknowledged event) {
        return ComplaintAcknowledged.TYPE;
    }

    @Override
    public String visit(ProgressNoted event) {
        return ProgressNoted.TYPE;
    }

    @Override
    public String visit(InformationRequested event) {
        return InformationRequested.TYPE;
    }

    @Override
    public String visit(ComplaintResolved event) {
        return ComplaintResolved.TYPE;
    }

    @Override
    public String visit(ComplaintReassigned event) {
        return ComplaintReassigned.TYPE;
    }

    @Override
    public String visit(DuplicateLinked event) {
        return DuplicateLinked.TYPE;
    }

    @Override
    public String visit(ComplaintReopened event) {
        return ComplaintReopened.TYPE;
    }

    @Override
    public String visit(ComplaintEscalated event) {
        return ComplaintEscalated.TYPE;
    }

    @Override
    public String visit(SlaWarning event) {
        return SlaWarning.TYPE;
    }

    @Override
    public String visit(SlaBreached event) {
        return SlaBreached.TYPE;
    }

    @Override
    public String visit(NotificationSent event) {
        return NotificationSent.TYPE;
    }

    @Override
    public String visit(NotificationNotSent event) {
        return NotificationNotSent.TYPE;
    }

    @Override
    public String visit(MailBounced event) {
        return MailBounced.TYPE;
    }

    @Override
    public String visit(ComplaintAnonymised event) {
        return ComplaintAnonymised.TYPE;
    }

    @Override
    public String visit(HandlerAssigned event) {
        return HandlerAssigned.TYPE;
    }

    @Override
    public String visit(ClassificationCorrected event) {
        return ClassificationCorrected.TYPE;
    }

    @Override
    public String visit(ReturnVisitRecorded event) {
        return ReturnVisitRecorded.TYPE;
    }
}
