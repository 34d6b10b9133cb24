package fr.preuve.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.preuve.core.config.Yaml;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code preuve guard}: JSON, human and redacted output; exit code 0 with or without findings. */
class GuardCommandTest {

    record Run(int exit, String out) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new GuardCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        int exit = cli.execute(args);
        return new Run(exit, out.toString());
    }

    @Test
    void jsonListsFindingsWithTypeTextAndSpan() throws Exception {
        Run r = run("--json", "Mme", "Durand,", "NIR", "1", "85", "05", "78", "006", "084", "91,", "HbA1c", "7,2", "%");
        assertThat(r.exit()).isZero();
        JsonNode findings = Yaml.json().readTree(r.out()).get("findings");
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).get("type").asText()).isEqualTo("name");
        assertThat(findings.get(0).get("text").asText()).isEqualTo("Durand");
        assertThat(findings.get(0).get("start").asInt()).isEqualTo(4);
        assertThat(findings.get(0).get("end").asInt()).isEqualTo(10);
        assertThat(findings.get(1).get("type").asText()).isEqualTo("nir");
        assertThat(findings.get(1).get("text").asText()).isEqualTo("1 85 05 78 006 084 91");
        assertThat(findings.get(1).get("start").asInt()).isEqualTo(16);
        assertThat(Yaml.json().readTree(r.out()).has("redacted")).isFalse();
    }

    @Test
    void jsonOfACleanTextIsAnEmptyList() throws Exception {
        Run r = run("--json", "Patient de 67 ans, metformine 1000 mg");
        assertThat(r.exit()).isZero();
        assertThat(Yaml.json().readTree(r.out()).get("findings").isEmpty()).isTrue();
    }

    @Test
    void jsonWithRedactAddsTheRedactedText() throws Exception {
        Run r = run("--json", "--redact", "DDN 12/03/58, tél. 06 12 34 56 78");
        assertThat(Yaml.json().readTree(r.out()).get("redacted").asText()).isEqualTo("DDN [DATE_NAISSANCE], tél. [TÉLÉPHONE]");
    }

    @Test
    void humanListingEndsWithACount() {
        Run r = run("IPP", "123456,", "née", "le", "3", "mars", "1961");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("ipp        123456       [4, 10)").contains("birthdate  3 mars 1961  [19, 30)")
                .contains("2 données identifiantes détectées (2 findings).");
        Run clean = run("Maladie de Parkinson : quand débuter la lévodopa ?");
        assertThat(clean.exit()).isZero();
        assertThat(clean.out()).isEqualTo("Aucune donnée identifiante détectée (no identifying data found)." + System.lineSeparator());
    }

    @Test
    void redactPrintsTheRedactedText() {
        Run r = run("--redact", "Joindre M. Caron au +33 6 12 34 56 78");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("Joindre M. [NOM] au [TÉLÉPHONE]");
    }
}
