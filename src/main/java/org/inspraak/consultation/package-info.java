/** Consultations (Stadsgesprekken) with their question, themes and phases. */
@ApplicationModule(allowedDependencies = {"audit", "neighbourhood", "security", "ui"})
@NullMarked
package org.inspraak.consultation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
