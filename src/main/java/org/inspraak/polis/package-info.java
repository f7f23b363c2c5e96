/** Importing Polis exports, in the admin screen and from the command line. */
@ApplicationModule(
        allowedDependencies = {"account", "audit", "consultation", "idea", "insight", "security", "ui", "vote"})
@NullMarked
package org.inspraak.polis;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
