/**
 * Being found outside the site: Atom feeds per consultation and for the whole site, and the widget a municipality
 * embeds on its own website to invite people into an open consultation.
 */
@ApplicationModule(allowedDependencies = {"calendar", "consultation", "idea", "ui"})
@NullMarked
package org.inspraak.feed;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
