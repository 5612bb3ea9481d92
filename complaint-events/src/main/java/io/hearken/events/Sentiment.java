package io.hearken.events;

/**
 * How the resident sounds in their own words, read by the router: {@code ANGRY} (fury, "third time", 忍无可忍),
 * {@code DISTRESSED} (fear, helplessness, a vulnerable person in need: 孩子发烧, "elderly mother alone"),
 * otherwise {@code NEUTRAL} (factual, polite, hopeful). A distressed resident raises priority; anger is shown only.
 */
public enum Sentiment { ANGRY, DISTRESSED, NEUTRAL }
