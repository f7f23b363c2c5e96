/** Residents' ideas, their status timeline, and the idea pages other modules add to. */
@ApplicationModule(allowedDependencies = {"account", "consultation", "neighbourhood", "security", "ui"})
@NullMarked
package org.inspraak.idea;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
