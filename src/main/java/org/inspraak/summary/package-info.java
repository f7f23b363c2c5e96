/** Summaries for policy makers with citations, and the council's reading room. */
@ApplicationModule(
        allowedDependencies = {
            "audit",
            "consultation",
            "idea",
            "insight",
            "insight :: panels",
            "security",
            "ui",
            "webcare"
        })
@NullMarked
package org.inspraak.summary;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
