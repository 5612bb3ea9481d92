package io.hearken.events;

/** Default department codes; each has its queue topic {@code dept.<code>.assignments}. */
public final class Departments {

    public static final String MAINTENANCE = "maintenance";
    public static final String CLEANING = "cleaning";
    public static final String SECURITY = "security";
    public static final String BILLING = "billing";
    public static final String CUSTOMER_SERVICE = "customer-service";
    /** Complaints the router could not classify with confidence wait here for a person. */
    public static final String TRIAGE = "triage";
    /** Receives escalations of major complaints. */
    public static final String MANAGEMENT = "management";

    private Departments() {
    }
}
