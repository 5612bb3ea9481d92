package io.hearken.events;

public enum ResidentType { OWNER, TENANT, STUDENT, STAFF, VISITOR, UNKNOWN }
