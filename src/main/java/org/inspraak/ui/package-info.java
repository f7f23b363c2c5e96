/** The application shell: layout, navigation, error pages and shared view helpers. */
@ApplicationModule(allowedDependencies = {"security"})
@NullMarked
package org.inspraak.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
