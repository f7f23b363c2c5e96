/** Insight pages; their figure panels are shared with the council's summaries and PDF. */
@NamedInterface("panels")
package org.inspraak.insight.ui;

import org.springframework.modulith.NamedInterface;
