/** ION instances over time (the paper's Figure 3): nodes as lanes, runs as bars, messages as arrows. */
package org.iongov.core.timeline;
