/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model.validation;

/** How bad a {@link Problem} is. */
public enum Severity {
	/** The definition cannot be used as it is. */
	ERROR,
	/** The definition works but probably not as intended. */
	WARNING;

	/** Lower-case label for messages: {@code error}, {@code warning}. */
	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
