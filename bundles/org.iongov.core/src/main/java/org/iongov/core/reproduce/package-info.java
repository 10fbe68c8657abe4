/** Reproducing a prediction's or model's training from its record, behind an interface the engines' side implements. */
package org.iongov.core.reproduce;
