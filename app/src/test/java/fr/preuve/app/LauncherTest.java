package fr.preuve.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./preuve} launcher finds a JDK >= 21 by itself, or says clearly what it needs. */
class LauncherTest {

    static final Path LAUNCHER = Path.of("").toAbsolutePath().getParent().resolve("preuve");

    @TempDir
    Path tmp;

    record Run(int exit, String out) {
    }

    static Run bash(String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    /** A fake JDK home: bin/java, bin/javac and a release file declaring {@code version}. */
    Path fakeJdk(String name, String version) throws IOException {
        Path home = tmp.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        for (String tool : List.of("java", "javac")) {
            Path f = home.resolve("bin").resolve(tool);
            Files.writeString(f, "#!/bin/sh\necho fake\n");
            f.toFile().setExecutable(true);
        }
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    private String findJdk() {
        return "source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' '" + LAUNCHER + "'); MIN_JAVA=21; find_jdk";
    }

    @Test
    void withoutAJdk21ItSaysWhatItNeedsAndExits3() throws Exception {
        Path old = fakeJdk("jdk-17", "17.0.15");
        Run r = bash("'" + LAUNCHER + "' --help", Map.of("JAVA_HOME", old.toString(), "PREUVE_JDK_DIRS", tmp + "/none*"));
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).contains("needs a JDK 21 or newer").contains(old.toString()).contains("set JAVA_HOME");
    }

    @Test
    void picksTheNewestJdkWhenJavaHomeIsTooOld() throws Exception {
        Path old = fakeJdk("jdk-17", "17.0.15");
        fakeJdk("jdk-21", "21.0.4");
        Path newest = fakeJdk("jdk-25", "25.0.1");
        Run r = bash(findJdk(), Map.of("JAVA_HOME", old.toString(), "PREUVE_JDK_DIRS", tmp + "/jdk-*"));
        assertThat(r.out().strip()).isEqualTo(newest.toString());
    }

    @Test
    void javaHomeWinsWhenRecentEnough() throws Exception {
        Path jdk21 = fakeJdk("jdk-21", "21.0.4");
        fakeJdk("jdk-25", "25.0.1");
        Run r = bash(findJdk(), Map.of("JAVA_HOME", jdk21.toString(), "PREUVE_JDK_DIRS", tmp + "/jdk-*"));
        assertThat(r.out().strip()).isEqualTo(jdk21.toString());
    }

    @Test
    void theLauncherRunsTheJarWithTheJvmFlagsTheTestsUse() throws Exception {
        Run r = bash("ROOT='" + LAUNCHER.getParent() + "'; source <(sed -n '/^jvm_flags()/,/^}/p' '" + LAUNCHER
                + "'); jvm_flags", Map.of());
        String pom = Files.readString(LAUNCHER.getParent().resolve("pom.xml"), StandardCharsets.UTF_8);
        assertThat(pom).contains("<argLine>${preuve.jvm.flags} ");
        assertThat(r.out().strip()).isEqualTo("--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED")
                .isEqualTo(pom.replaceAll("(?s).*<preuve.jvm.flags>([^<]*)</preuve.jvm.flags>.*", "$1"));
    }
}
