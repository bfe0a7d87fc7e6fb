package dev.collide.config;

/**
 * An invalid config or feeds file. The message names the file, the line and what to do; the CLI prints it and exits
 * with status 2.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String file, int line, String problem) {
        super(line > 0 ? file + " line " + line + ": " + problem : file + ": " + problem);
    }
}
