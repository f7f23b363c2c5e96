package org.inspraak.idea;

import org.inspraak.IndexedWhileVisible;

/** Hidden ideas (moderated, pending approval, merged) are not in the search index. */
public class IdeaIndexRouting extends IndexedWhileVisible<Idea> {

    public IdeaIndexRouting() {
        super(Idea.class, "hidden");
    }

    @Override
    protected boolean visible(Idea idea) {
        return !idea.isHidden();
    }
}
