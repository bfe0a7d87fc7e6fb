package dev.collide.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The conferences whose names the extractor recognises ({@code dev.collide.extract.EventDates} knows how each is
 * written: "re:Invent", "Google I/O", "at its DevDay"). config/events.yml dates their editions; a conference outside
 * this list needs code, its name's words, before a file can date it.
 */
public enum ConferenceId {
    REINVENT("reinvent"), GOOGLE_IO("google-io"), WWDC("wwdc"), DEVDAY("devday"), GTC("gtc"), BUILD("build"),
    CES("ces"), WAIC("waic"), META_CONNECT("meta-connect"), LLAMACON("llamacon");

    private final String yamlName;

    ConferenceId(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The id as events.yml writes it ({@code id: google-io}). */
    public String yamlName() {
        return yamlName;
    }

    public static Optional<ConferenceId> fromYaml(String name) {
        return Arrays.stream(values()).filter(c -> c.yamlName.equals(name)).findFirst();
    }

    static List<String> yamlNames() {
        return Arrays.stream(values()).map(ConferenceId::yamlName).toList();
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
