package io.hearken.events;

public enum Urgency { URGENT, NORMAL, LOW }
