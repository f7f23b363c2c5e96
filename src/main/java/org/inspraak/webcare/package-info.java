/** Questions to the municipality: departments, working days, answers by a date, the response scheme. */
@ApplicationModule(allowedDependencies = {"account", "audit", "idea", "reaction", "security", "ui"})
@NullMarked
package org.inspraak.webcare;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
