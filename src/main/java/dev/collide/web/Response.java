package dev.collide.web;

/** One HTTP answer: status, media type and body text (sent as UTF-8). */
record Response(int status, String contentType, String body) {
    static Response json(int status, String body) {
        return new Response(status, "application/json; charset=utf-8", body);
    }

    static Response html(int status, String body) {
        return new Response(status, "text/html; charset=utf-8", body);
    }

    static Response ok(String contentType, String body) {
        return new Response(200, contentType, body);
    }
}
