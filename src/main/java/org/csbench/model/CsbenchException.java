package org.csbench.model;

/**
 * A problem the user can fix: a bad input file, a bad spec, an unknown table. The message is one line
 * that says what is wrong, where, and how to fix it; the CLI prints it without a stack trace.
 * Create these through {@link Errors}.
 */
public final class CsbenchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CsbenchException(String message) {
        super(message);
    }

    CsbenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
