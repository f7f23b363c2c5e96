/** The demo municipality seeded into an empty database, and the guard that keeps it out of production. */
@ApplicationModule(
        allowedDependencies = {
            "account",
            "budget",
            "consultation",
            "idea",
            "insight",
            "moderation",
            "neighbourhood",
            "reaction",
            "security",
            "vote"
        })
@NullMarked
package org.inspraak.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
