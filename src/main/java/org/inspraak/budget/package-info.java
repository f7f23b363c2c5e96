/** The budget ballot: residents compose a package of ideas within a target or budget. */
@ApplicationModule(
        allowedDependencies = {"account", "audit", "consultation", "idea", "insight", "neighbourhood", "security", "ui"
        })
@NullMarked
package org.inspraak.budget;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
