package dev.collide.extract;

import dev.collide.config.ConfigException;
import dev.collide.config.Conference;
import dev.collide.config.ConfigLoader;
import dev.collide.config.Lab;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The real config/labs.yml and config/events.yml, and articles built for tests. */
final class TestLabs {
    private static List<Lab> labs;

    private TestLabs() {
    }

    static synchronized List<Lab> labs() {
        if (labs == null) {
            try {
                labs = ConfigLoader.fromEnvironment().loadLabs(Path.of("config"));
            } catch (ConfigException e) {
                throw new IllegalStateException(e);
            }
        }
        return labs;
    }

    static List<Conference> conferences() {
        try {
            return ConfigLoader.fromEnvironment().loadConferences(Path.of("config"));
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    static Article news(String date, String text) {
        return new Article("test", "t1", Optional.empty(), "", text, Optional.of(midnight(date)), ArticleKind.NEWS,
                Optional.empty(), List.of());
    }

    static Article news(String date, String title, String text) {
        return new Article("test", "t1", Optional.empty(), title, text, Optional.of(midnight(date)), ArticleKind.NEWS,
                Optional.empty(), List.of());
    }

    static Article labPost(String date, String lab, String text) {
        return new Article("test", "t1", Optional.empty(), "", text, Optional.of(midnight(date)),
                ArticleKind.LAB_POST, Optional.of(lab), List.of());
    }

    static Instant midnight(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
