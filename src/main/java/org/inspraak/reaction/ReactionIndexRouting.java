package org.inspraak.reaction;

import org.inspraak.IndexedWhileVisible;

/** Hidden or deleted reactions are not in the search index. */
public class ReactionIndexRouting extends IndexedWhileVisible<Reaction> {

    public ReactionIndexRouting() {
        super(Reaction.class, "hidden", "deleted");
    }

    @Override
    protected boolean visible(Reaction reaction) {
        return !reaction.isHidden() && !reaction.isDeleted();
    }
}
