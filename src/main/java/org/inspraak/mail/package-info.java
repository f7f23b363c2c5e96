/** Outgoing mail: the outbox, delivery after commit, and the admin view of what was sent. */
@ApplicationModule(allowedDependencies = {"security", "ui"})
@NullMarked
package org.inspraak.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
