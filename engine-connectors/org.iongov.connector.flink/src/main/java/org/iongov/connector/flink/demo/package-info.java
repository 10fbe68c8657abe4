/**
 * The demo's Flink inference pipeline ({@link org.iongov.connector.flink.demo.InferencePipeline}) and
 * the governance overhead benchmark ({@link org.iongov.connector.flink.demo.OverheadBenchmark}).
 */
package org.iongov.connector.flink.demo;
