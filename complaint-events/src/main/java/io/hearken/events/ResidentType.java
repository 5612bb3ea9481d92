package io.hearken.events;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Who the complainant is to the property (the customer type). {@code RESIDENT}: lives there, ownership not said;
 * {@code BUSINESS}: a shop, restaurant or office on the premises. {@code RESIDENT} and {@code BUSINESS} were added
 * later. A reader that does not know a value reads {@code UNKNOWN} (so a type added later never stops an older service
 * in a rolling upgrade; {@link io.hearken.events.json.EventJson}).
 */
public enum ResidentType { OWNER, TENANT, STUDENT, STAFF, VISITOR, @JsonEnumDefaultValue UNKNOWN, RESIDENT, BUSINESS }
