/**
 * Governed inference on Flink: {@link org.iongov.connector.flink.GovernedInference} scores a
 * {@code DataStream} with the models an ION delivers to its node, and reports receipts, sampled
 * predictions, window statistics and signatures into the run its job's driver opened.
 */
package org.iongov.connector.flink;
