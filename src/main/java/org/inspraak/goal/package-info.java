/** SMART goals of a consultation, their metrics and verdicts, and the evaluation report. */
@ApplicationModule(
        allowedDependencies = {
            "account",
            "audit",
            "budget",
            "consultation",
            "idea",
            "insight",
            "reaction",
            "security",
            "ui",
            "vote"
        })
@NullMarked
package org.inspraak.goal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
