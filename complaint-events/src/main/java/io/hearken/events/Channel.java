package io.hearken.events;

/** How a resident reached us. OPEN311 requests arrive through the web channel's GeoReport endpoint. */
public enum Channel { EMAIL, WEB, OPEN311, HOTLINE }
