/** The audit log: who did what, when and why, for every moderation and administration action. */
@ApplicationModule(allowedDependencies = {"security", "ui"})
@NullMarked
package org.inspraak.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
