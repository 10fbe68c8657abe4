/**
 * Governance metadata as producers report it: both levels of the ION (runs, messages, component
 * runs, statistics, signatures), models, datasets, predictions, events, logs, human actions.
 */
package org.iongov.core.metadata;
