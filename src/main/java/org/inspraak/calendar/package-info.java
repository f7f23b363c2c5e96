/** The content calendar: planned municipal updates and their publication on the consultation page. */
@ApplicationModule(allowedDependencies = {"consultation", "idea", "notification", "security", "ui"})
@NullMarked
package org.inspraak.calendar;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
