package org.quantlstm.common;

/**
 * An error the user can cause and fix: a bad file, an unknown ticker, a bad option or config value.
 * The CLI prints its message as one line and exits with code 2 (the stack trace only with --verbose).
 * Messages name the input and what is wrong with it, e.g. {@code "prices.csv line 17: high 10.2 < low 10.5"}.
 */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
