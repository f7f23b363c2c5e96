/** Votes (eens, oneens, pas), one per resident per idea, and the vote counts. */
@ApplicationModule(allowedDependencies = {"account", "consultation", "idea", "security", "ui"})
@NullMarked
package org.inspraak.vote;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
