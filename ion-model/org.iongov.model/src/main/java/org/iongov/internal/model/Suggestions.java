/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.internal.model;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for misspelt field names, enum values and references. */
public final class Suggestions {

	private Suggestions() {
	}

	/** The closest candidate within a small edit distance, if any. */
	public static Optional<String> closest(String typed, Collection<String> candidates) {
		if (typed == null || typed.isEmpty()) {
			return Optional.empty();
		}
		String lower = typed.toLowerCase(Locale.ROOT);
		// short words tolerate one edit, longer ones two
		int allowed = typed.length() <= 4 ? 1 : 2;
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : candidates) {
			if (candidate == null) {
				continue;
			}
			int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
			if (distance <= allowed && distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return Optional.ofNullable(best);
	}

	/** " (did you mean 'x'?)" or nothing. */
	public static String didYouMean(String typed, Collection<String> candidates) {
		return closest(typed, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
	}

	/** Levenshtein distance, counting a swap of neighbours as one edit. */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					value = Math.min(value, d[i - 2][j - 2] + 1);
				}
				d[i][j] = value;
			}
		}
		return d[a.length()][b.length()];
	}
}
