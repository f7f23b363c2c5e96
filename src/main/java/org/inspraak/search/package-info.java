/** Search over ideas and reactions, and similar ideas while typing. */
@ApplicationModule(
        allowedDependencies = {"audit", "consultation", "idea", "neighbourhood", "reaction", "security", "ui"})
@NullMarked
package org.inspraak.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
