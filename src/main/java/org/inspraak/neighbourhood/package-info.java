/** The municipality's neighbourhoods (wijken). */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.inspraak.neighbourhood;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
