package io.vigil.cli;

/** Bad input from the user: reported in one line with exit code 2. */
final class UserInputException extends RuntimeException {
    UserInputException(String message) {
        super(message);
    }
}
