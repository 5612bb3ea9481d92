package io.hearken.events;

/**
 * Who the complainant is to the property (the customer type). {@code RESIDENT}: lives there, ownership not said;
 * {@code BUSINESS}: a shop, restaurant or office on the premises. {@code RESIDENT} and {@code BUSINESS} were added
 * later: an adapter should send them only once every reader knows them (docs/events.md).
 */
public enum ResidentType { OWNER, TENANT, STUDENT, STAFF, VISITOR, UNKNOWN, RESIDENT, BUSINESS }
