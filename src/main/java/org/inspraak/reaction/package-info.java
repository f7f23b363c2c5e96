/** Reactions on ideas, threaded, with official answers. */
@ApplicationModule(allowedDependencies = {"account", "consultation", "idea", "security", "ui"})
@NullMarked
package org.inspraak.reaction;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
