/** Accounts of residents and staff: registration, sign-in, profile, personal data export and deletion. */
@ApplicationModule(allowedDependencies = {"audit", "mail", "neighbourhood", "security", "ui"})
@NullMarked
package org.inspraak.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
