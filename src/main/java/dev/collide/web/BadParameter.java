package dev.collide.web;

import dev.collide.source.DisplayText;

/** A request parameter the archive cannot use; answered with 400 and {@code {"error": ..., "parameter": ...}}. */
final class BadParameter extends Exception {
    private final String parameter;

    /** {@code message} quotes the client's value; {@link DisplayText#line} keeps controls and bidi overrides out. */
    BadParameter(String parameter, String message) {
        super(DisplayText.line(message));
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
