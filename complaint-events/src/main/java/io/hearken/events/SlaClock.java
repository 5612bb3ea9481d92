package io.hearken.events;

/** The two deadlines an SLA sets. */
public enum SlaClock { FIRST_RESPONSE, RESOLUTION }
