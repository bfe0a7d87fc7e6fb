package dev.collide.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads {@code file:} source URLs (offline demos, fixtures) under the same body cap as HTTP. */
final class FileUrlReader {
    private final ResponseReader responseReader;

    FileUrlReader(ResponseReader responseReader) {
        this.responseReader = responseReader;
    }

    FetchResult read(URI url, Validators previous) {
        Path path;
        try {
            path = Path.of(url);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return new FetchResult.Failed("invalid file URL " + url + ": " + e.getMessage(), false);
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = responseReader.readCapped(in, -1);
            var validators = Validators.of(null, null, ResponseReader.bodyHash(bytes));
            if (previous.bodyHash().isPresent() && previous.bodyHash().equals(validators.bodyHash())) {
                return new FetchResult.NotModified(validators);
            }
            return new FetchResult.Fetched(url, "", bytes, validators, Optional.empty());
        } catch (NoSuchFileException e) {
            return new FetchResult.Failed("file not found: " + path + "; check the url", false);
        } catch (ResponseReader.BodyTooLargeException e) {
            return new FetchResult.Failed(e.getMessage() + " in " + path, false);
        } catch (IOException e) {
            return new FetchResult.Failed("cannot read " + path + ": " + ConditionalFetcher.describe(e), false);
        }
    }
}
