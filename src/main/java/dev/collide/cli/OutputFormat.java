package dev.collide.cli;

/** How the archive commands print: an aligned table for people, JSON or CSV for programs. */
public enum OutputFormat {
    TABLE, JSON, CSV
}
