package org.iongov.cli;

import java.io.PrintStream;
import java.util.List;

/** One {@code ./iongov <verb>}. */
interface Verb {

    String name();

    /** One line for {@code ./iongov --help}. */
    String summary();

    /** The full {@code --help} text. */
    String help();

    /** Runs the verb and returns the process exit code. */
    int run(List<String> args, PrintStream out, PrintStream err);
}
