package dev.collide.fetch;

/** One try at a URL: its result, and whether the retry loop may try again (5xx other than 503, broken connection). */
record Attempt(FetchResult result, boolean worthRetrying) {
    static Attempt done(FetchResult result) {
        return new Attempt(result, false);
    }

    static Attempt retry(String reason) {
        return retry(new FetchResult.Failed(reason, true));
    }

    static Attempt retry(FetchResult.Failed failure) {
        return new Attempt(failure, true);
    }
}
