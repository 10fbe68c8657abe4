/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.internal.model.validation;

import java.util.regex.Pattern;

/** The rules for names, digests and commit ids in a definition. */
public final class Names {

	/** Names are referred to in channels, inputs and messages such as 'a -> b', so keep them plain. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
	private static final Pattern DIGEST = Pattern.compile("(sha256:[0-9a-f]{64})|(sha384:[0-9a-f]{96})|(sha512:[0-9a-f]{128})");
	private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");

	private Names() {
	}

	public static boolean isValidName(String name) {
		return NAME.matcher(name).matches();
	}

	public static String invalidName(String name) {
		return "'" + name + "' is not a valid name: use up to 100 letters, digits, '.', '_' and '-', "
				+ "starting with a letter or digit";
	}

	public static boolean isDigest(String digest) {
		return DIGEST.matcher(digest).matches();
	}

	public static String invalidDigest(String digest) {
		return "'" + digest + "' is not a content digest: expected sha256: followed by 64 lower-case hex digits "
				+ "(or sha384:/sha512: with 96/128)";
	}

	public static boolean isCommitId(String commit) {
		return COMMIT.matcher(commit).matches();
	}
}
