package dev.collide.web;

/** A request parameter the archive cannot use; answered with 400 and {@code {"error": ..., "parameter": ...}}. */
final class BadParameter extends Exception {
    private final String parameter;

    BadParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
