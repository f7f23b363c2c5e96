/**
 * Follows and notifications: in-app, instant (bundled) mail and daily digest, phase announcements, and the
 * announcement of a consultation's outcome to everyone who took part.
 */
@ApplicationModule(
        allowedDependencies = {"account", "budget", "consultation", "idea", "mail", "reaction", "security", "ui", "vote"
        })
@NullMarked
package org.inspraak.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
