/** Moderation: guidelines, reports (flags), the queue, hide and restore, sanctions, IP retention. */
@ApplicationModule(
        allowedDependencies = {
            "account",
            "audit",
            "idea",
            "notification",
            "reaction",
            "security",
            "ui",
            "vote",
            "webcare"
        })
@NullMarked
package org.inspraak.moderation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
