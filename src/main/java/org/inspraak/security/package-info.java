/** Web security, the current user, roles and rate limits. */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.inspraak.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
