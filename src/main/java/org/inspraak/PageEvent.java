package org.inspraak;

/**
 * An event that open pages show at once (a new count, a changed idea, a new notification). Such events reach every
 * browser page through Vaadin Push, and in cluster mode travel to every application node, so they must be small
 * records of ids that serialise to JSON.
 */
public interface PageEvent {

    /**
     * An event that comes many times a second on a busy evening (a recount of votes, a reaction somewhere on an idea
     * that many have open). A page gets these at most once
     * per {@code inspraak.live.frequent-interval} (longer while the node is busy), in one update and one push: pushing
     * every open page at every recount was what limited how many residents one node serves. They are also not worked
     * on in the request that caused them: a resident posting a reaction waited while every open page of that idea was
     * drawn again. Such an event states a new value, or asks a part to read its state again, not a change: each part
     * of a page gets only the latest one that concerns it.
     */
    interface Frequent extends PageEvent {}
}
