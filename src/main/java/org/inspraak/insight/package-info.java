/** Insights: opinion groups, consensus, themes, sentiment and representativeness. */
@ApplicationModule(
        allowedDependencies = {"account", "consultation", "idea", "neighbourhood", "reaction", "security", "ui", "vote"
        })
@NullMarked
package org.inspraak.insight;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
