package dev.collide.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Peak and current resident memory of the daemon ({@code java -jar collide.jar run}) holding {@code sources} file:
 * feeds of 20 items each, read from /proc (Linux) after its first full cycle; peak heap from the JVM's own report.
 * Two runs: the JVM's default flags, and the flags README.md recommends for a small node.
 */
public final class MemoryBench {
    static final List<String> SMALL_NODE_FLAGS = List.of("-Xmx128m", "-XX:+UseSerialGC", "-Xss512k",
            "-XX:TieredStopAtLevel=1");
    /** jcmd GC.heap_info: one line per heap space, e.g. "def new generation   total 4928K, used 1234K". */
    private static final Pattern HEAP_LINE = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private final Path jar;
    private final Path labs;
    private final int sources;
    private final Duration timeout;

    public MemoryBench(Path jar, Path labs, int sources, Duration timeout) {
        this.jar = jar;
        this.labs = labs;
        this.sources = sources;
        this.timeout = timeout;
    }

    public List<BenchRow> run() throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            return List.of(new BenchRow("daemon memory", "not measured", "-", jar + " is missing; run"
                    + " 'mvn -B -q package -DskipTests' first"));
        }
        if (!Files.isRegularFile(Path.of("/proc/self/status"))) {
            return List.of(new BenchRow("daemon memory", "not measured", "-", "needs Linux /proc"));
        }
        Path dir = Files.createTempDirectory("collide-membench");
        Files.createDirectories(dir.resolve("config"));
        Files.copy(labs, dir.resolve("config/labs.yml"));
        Files.writeString(dir.resolve("config/collide.yml"), "database:\n  url: jdbc:h2:file:" + dir.resolve("db")
                + "\n");
        StringBuilder feeds = new StringBuilder("sources:\n");
        Files.createDirectories(dir.resolve("feeds"));
        for (int i = 0; i < sources; i++) {
            Path feed = dir.resolve("feeds/f" + i + ".xml");
            Files.writeString(feed, FeedFarm.feed(i, 1));
            feeds.append("  - id: f").append(i).append("\n    kind: feed\n    url: ").append(feed.toUri())
                    .append("\n    every: 30m\n");
        }
        Files.writeString(dir.resolve("feeds.yml"), feeds);
        Measured small = measure(dir, SMALL_NODE_FLAGS, "small");
        Measured plain = measure(dir, List.of(), "default");
        return List.of(new BenchRow("daemon RSS peak/now, " + sources + " sources (MB)", small.rss(),
                plain.rss() + " (JVM defaults)", "target < 256 MB resident; collide with " + String.join(" ",
                SMALL_NODE_FLAGS) + "; " + small.polled() + " of " + sources
                + " sources polled before the reading"),
                new BenchRow("daemon heap used after cycle / committed (MB)", small.heap(), plain.heap()
                        + " (JVM defaults)", "after the first cycle (" + sources * FeedFarm.ITEMS
                        + " articles stored)"));
    }

    record Measured(String rss, String heap, int polled) {
    }

    private Measured measure(Path dir, List<String> flags, String name) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(flags);
        command.addAll(List.of("-Dcollide.log.level=INFO", "-jar", jar.toAbsolutePath().toString(), "--config",
                dir.resolve("config").toString(), "--feeds", dir.resolve("feeds.yml").toString(), "--db",
                "jdbc:h2:file:" + dir.resolve("db-" + name), "run"));
        Process daemon = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(
                ProcessBuilder.Redirect.DISCARD).start();
        AtomicInteger polled = new AtomicInteger();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(daemon.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    if (line.contains("PollSourceJob")) {
                        polled.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                // the daemon ended
            }
        }, "membench-log");
        reader.setDaemon(true);
        reader.start();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (polled.get() < sources && System.nanoTime() < deadline && daemon.isAlive()) {
                Thread.sleep(200);
            }
            Thread.sleep(2_000); // the detection run after the cycle
            String status = Files.readString(Path.of("/proc/" + daemon.pid() + "/status"));
            String heap = heap(daemon.pid());
            return new Measured(kb(status, "VmHWM") + " / " + kb(status, "VmRSS"), heap, polled.get());
        } finally {
            daemon.destroy();
            if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
    }

    private static String kb(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return Long.toString(kb / 1024);
            }
        }
        return "?";
    }

    /** "used / committed" heap in MB from jcmd GC.heap_info, or "?" when jcmd is not there. */
    private static String heap(long pid) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(20, TimeUnit.SECONDS);
            long total = 0;
            long used = 0;
            Matcher m = HEAP_LINE.matcher(out);
            while (m.find()) {
                total += Long.parseLong(m.group(1));
                used += Long.parseLong(m.group(2));
            }
            return total == 0 ? "?" : (used / 1024) + " / " + (total / 1024);
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }
}
