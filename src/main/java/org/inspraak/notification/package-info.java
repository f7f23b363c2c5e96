/** Follows and notifications: in-app, instant mail and daily digest, phase announcements. */
@ApplicationModule(allowedDependencies = {"account", "consultation", "idea", "mail", "reaction", "security", "ui"})
@NullMarked
package org.inspraak.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
