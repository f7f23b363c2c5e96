package org.inspraak;

/**
 * An event that open pages show at once (a new count, a changed idea, a new notification). Such events reach every
 * browser page through Vaadin Push, and in cluster mode travel to every application node, so they must be small
 * records of ids that serialise to JSON.
 */
public interface PageEvent {}
