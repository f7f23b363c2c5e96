/** Backup and restore of the embedded database and index, online and from the command line. */
@ApplicationModule(allowedDependencies = {"audit", "security", "ui"})
@NullMarked
package org.inspraak.backup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
