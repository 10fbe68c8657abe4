/** The Flink operators behind {@link org.iongov.connector.flink.GovernedInference}; not API. */
package org.iongov.connector.flink.internal;
