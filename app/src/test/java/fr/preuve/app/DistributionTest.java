package fr.preuve.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive ({@code ./preuve dist}, made by {@code dist/make-dist.sh}) unpacked into an empty directory runs
 * the demo with its bundled runtime alone: no JDK on {@code PATH}, no {@code JAVA_HOME}, an empty environment. The
 * archive is {@code -Dpreuve.dist.archive=FILE} when given, otherwise built here from {@code app/target/preuve.jar}
 * with this JVM's {@code jlink} (about a minute); the test is skipped when that jar was never built.
 */
@Tag("slow")
class DistributionTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path tmp;
    Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            stopTree(server);
        }
    }

    @Test
    void theUnpackedArchiveServesTheDemoWithoutAJdk() throws Exception {
        // ./preuve test runs this once the jar is packaged (-Dpreuve.dist=true); during the build it would test an
        // older jar, or none
        Assumptions.assumeTrue(Boolean.getBoolean("preuve.dist") || System.getProperty("preuve.dist.archive") != null,
                "run by ./preuve test after packaging (-Dpreuve.dist=true)");
        String version = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8)
                .replaceAll("(?s)^.*?\n  <version>([^<]+)</version>.*$", "$1");
        Path archive = archive(version);
        assertThat(archive.getFileName()).hasToString("preuve-" + version + ".tar.gz");

        // every entry under preuve-<version>/, relative, owned by 0:0, in name order; gzip stores no time or name
        String name = "preuve-" + version + "/";
        List<String> listing = run(List.of("tar", "--numeric-owner", "-tvzf", archive.toString()), tmp);
        List<String> paths = new ArrayList<>();
        for (String line : listing) {
            String[] f = line.trim().split("\\s+", 6);
            assertThat(f[1]).as(line).isEqualTo("0/0");
            paths.add(f[5]);
        }
        assertThat(paths).allSatisfy(p -> assertThat(p).startsWith(name).doesNotContain("/../"));
        assertThat(paths).isSortedAccordingTo(DistributionTest::tarOrder);
        assertThat(paths).contains(name + "bin/preuve", name + "lib/preuve.jar", name + "runtime/bin/java",
                name + "corpus-config/demo.yaml", name + "corpus-config/demo/README.md",
                name + "corpus-config/demo/pubmedqa/LICENSE", name + "corpus-config/demo/who/SOURCE.txt",
                name + "systemd/preuve.service", name + "INSTALL.md");
        assertThat(paths).noneMatch(p -> p.endsWith("/bin/javac") || p.contains("win-x64") || p.contains("osx-"));
        try (InputStream in = Files.newInputStream(archive)) {
            byte[] header = in.readNBytes(8);
            assertThat(header[3] & 0x08).as("gzip FNAME flag").isZero();
            assertThat(new byte[] {header[4], header[5], header[6], header[7]}).as("gzip MTIME").containsOnly(0);
        }

        Path install = Files.createDirectories(tmp.resolve("install"));
        assertThat(install).isEmptyDirectory();
        run(List.of("tar", "-xzf", archive.toString(), "-C", install.toString()), tmp);
        Path app = install.resolve(name);
        String unit = Files.readString(app.resolve("systemd/preuve.service"), StandardCharsets.UTF_8);
        assertThat(unit).contains("User=preuve", "PREUVE_HOME=/var/lib/preuve", "PREUVE_HOST=127.0.0.1",
                "NoNewPrivileges=yes", "ProtectSystem=strict", "ExecStart=/opt/preuve/bin/preuve serve");

        // the only programs on PATH are the two bin/preuve calls (no java anywhere); the environment is otherwise empty
        Path tools = Files.createDirectories(tmp.resolve("tools"));
        for (String tool : List.of("readlink", "dirname")) {
            Files.createSymbolicLink(tools.resolve(tool), Path.of(run(List.of("bash", "-c", "command -v " + tool), tmp)
                    .getFirst().strip()));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = tmp.resolve("demo.log");
        ProcessBuilder pb = new ProcessBuilder(app.resolve("bin/preuve").toString(), "demo", "--port",
                String.valueOf(port)).directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().putAll(Map.of("PATH", tools.toString(), "HOME", Files.createDirectories(tmp.resolve("home"))
                .toString(), "PREUVE_HOME", Files.createDirectories(tmp.resolve("preuve-home")).toString(), "TMPDIR",
                Files.createDirectories(tmp.resolve("tmp")).toString()));
        server = pb.start();

        String base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int health = 0;
        while (health != 200 && System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("bin/preuve demo exited:\n%s", Files.readString(log)).isTrue();
            health = status(base + "/health");
            if (health != 200) {
                Thread.sleep(250);
            }
        }
        assertThat(health).as("GET /health\n%s", Files.readString(log)).isEqualTo(200);
        HttpResponse<String> session = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).contains("\"mode\"");
        // the page comes out of the jar through a zip file system (jdk.zipfs)
        assertThat(status(base + "/")).isEqualTo(200);

        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(out).contains("Preuve is serving corpus 'demo'", "on http://127.0.0.1:" + port)
                .contains("Audit trail: " + tmp.resolve("preuve-home"))
                .doesNotContain("NoClassDefFoundError", "ClassNotFoundException", "not using Hotspot",
                        "cannot optimize");

        List<ProcessHandle> tree = new ArrayList<>(server.descendants().toList());
        tree.add(server.toHandle());
        stopTree(server);
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        server = null;
    }

    /** The archive to test: the one given, or one built into the temporary directory from the app's jar. */
    Path archive(String version) throws Exception {
        String given = System.getProperty("preuve.dist.archive");
        if (given != null && !given.isBlank()) {
            return Path.of(given).toAbsolutePath();
        }
        Path jar = ROOT.resolve("app/target/preuve.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar),
                "no " + jar + ": build it first (./mvnw -DskipTests package) or pass -Dpreuve.dist.archive=FILE");
        Path jdk = Path.of(System.getProperty("java.home"));
        Assumptions.assumeTrue(Files.isExecutable(jdk.resolve("bin/jlink")), "this JVM has no jlink: " + jdk);
        List<String> out = run(List.of(ROOT.resolve("dist/make-dist.sh").toString(), jar.toString(),
                tmp.resolve("dist").toString()), tmp, Map.of("JAVA_HOME", jdk.toString()));
        Path archive = Path.of(out.getLast().strip());
        assertThat(archive).exists().hasFileName("preuve-" + version + ".tar.gz");
        return archive;
    }

    /** GNU tar's {@code --sort=name} order: a directory, then its entries by name, each one's entries after it. */
    static int tarOrder(String a, String b) {
        String[] x = a.split("/");
        String[] y = b.split("/");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static List<String> run(List<String> command, Path dir) throws IOException, InterruptedException {
        return run(command, dir, Map.of());
    }

    /** Runs {@code command} to its end (5 minutes at most) and returns its output lines; fails unless it exits 0. */
    static List<String> run(List<String> command, Path dir, Map<String, String> env)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "run", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            stopTree(p);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("%s\n%s", command, out).isZero();
        return out.lines().toList();
    }

    /** SIGTERM to the process and its descendants, then SIGKILL to what is left after 30 s. */
    static void stopTree(Process p) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle h : tree) {
            h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join();
        }
    }
}
