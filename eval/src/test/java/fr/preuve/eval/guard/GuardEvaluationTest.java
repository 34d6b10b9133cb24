package fr.preuve.eval.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.guard.FindingType;
import fr.preuve.core.guard.PatientDataGuard;
import fr.preuve.eval.dataset.DatasetException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard on the shipped labelled sets, with floors a little under what it measures (figures in docs/guard.md), and
 * the loader and the scoring on small hand-made files.
 */
class GuardEvaluationTest {
    private static final PatientDataGuard GUARD = PatientDataGuard.standard();

    static Path datasets() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("corpus-config"))) {
            p = p.getParent();
        }
        assertThat(p).as("repository root above %s", Path.of("").toAbsolutePath()).isNotNull();
        return p.resolve("eval/datasets/guard");
    }

    @Test
    void developmentSetMeetsItsFloors() {
        GuardSet set = GuardSet.load(datasets().resolve("guard-fr.jsonl"));
        GuardReport r = GuardEvaluation.evaluate(set, GUARD);
        System.out.println(r.markdown());
        assertThat(r.errors()).as("errors").hasSizeLessThanOrEqualTo(3);
        assertThat(r.precision().value()).isGreaterThanOrEqualTo(0.97);
        assertThat(r.recall().value()).isGreaterThanOrEqualTo(0.97);
        assertThat(r.questionRecall().value()).isGreaterThanOrEqualTo(0.97);
        assertThat(r.specificity().value()).isGreaterThanOrEqualTo(0.97);
        for (GuardReport.TypeScore t : r.types()) {
            assertThat(t.recall().value()).as("%s recall", t.type().key()).isGreaterThanOrEqualTo(0.85);
        }
    }

    @Test
    void heldOutSetMeetsItsFloors() {
        GuardReport r = GuardEvaluation.evaluate(GuardSet.load(datasets().resolve("guard-fr-holdout.jsonl")), GUARD);
        System.out.println(r.markdown());
        assertThat(r.precision().value()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.recall().value()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.questionRecall().value()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.specificity().value()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void developmentSetHasTheDocumentedShape() {
        GuardSet set = GuardSet.load(datasets().resolve("guard-fr.jsonl"));
        assertThat(set.size()).isEqualTo(148);
        assertThat(set.items().stream().filter(GuardItem::identifying)).hasSize(76);
        Set<FindingType> types = EnumSet.noneOf(FindingType.class);
        set.items().forEach(i -> i.findings().forEach(f -> types.add(f.type())));
        assertThat(types).containsExactlyInAnyOrder(FindingType.values());
        assertThat(GuardSet.load(datasets().resolve("guard-fr-holdout.jsonl")).size()).isEqualTo(78);
    }

    /** Synthetic NIRs must have a valid key (checked here independently of the detector). */
    @Test
    void everyLabelledNirHasAValidKey() {
        for (String file : new String[] {"guard-fr.jsonl", "guard-fr-holdout.jsonl"}) {
            for (GuardItem item : GuardSet.load(datasets().resolve(file)).items()) {
                item.findings().stream().filter(f -> f.type() == FindingType.NIR).forEach(f -> {
                    String s = f.text().replace(" ", "").toUpperCase(Locale.ROOT);
                    String body = s.substring(0, 5) + s.substring(5, 7).replace("2A", "19").replace("2B", "18") + s.substring(7, 13);
                    int key = 97 - new BigInteger(body).mod(BigInteger.valueOf(97)).intValue();
                    assertThat(Integer.parseInt(s.substring(13))).as(item.id() + " key of " + f.text()).isEqualTo(key);
                });
            }
        }
    }

    @Test
    void scoresMatchesFalseFindingsAndMisses(@TempDir Path dir) throws IOException {
        Path file = write(dir, """
                {"id": "a", "text": "Mme Durand, IPP 123456", "findings": [{"type": "name", "text": "Mme Durand"}, {"type": "ipp", "text": "123456"}]}
                {"id": "b", "text": "Joindre le 06 12 34 56 78", "findings": [{"type": "phone", "text": " 06 12 34 56 78 "}]}
                {"id": "c", "text": "Patient de 67 ans", "findings": []}
                {"id": "d", "text": "Avis de Mme Vidal, 40 ans", "findings": []}
                {"id": "e", "text": "On l'appelle Bibi", "findings": [{"type": "name", "text": "Bibi"}]}
                """);
        GuardReport r = GuardEvaluation.evaluate(GuardSet.load(file), GUARD);
        // found: Durand (overlaps 'Mme Durand'), 123456, the phone (gold located once trimmed), Vidal (false); missed: Bibi
        assertThat(r.precision().value()).isEqualTo(3.0 / 4);
        assertThat(r.precision().n()).isEqualTo(4);
        assertThat(r.recall().value()).isEqualTo(3.0 / 4);
        assertThat(r.questionRecall().value()).isEqualTo(2.0 / 3);
        assertThat(r.specificity().value()).isEqualTo(1.0 / 2);
        assertThat(r.errors()).containsExactly("d: false name 'Vidal'", "e: missed name 'Bibi'");
        GuardReport.TypeScore names = r.types().get(FindingType.NAME.ordinal());
        assertThat(names.gold()).isEqualTo(2);
        assertThat(names.predicted()).isEqualTo(2);
        assertThat(names.matched()).isEqualTo(1);
        assertThat(r.types().get(FindingType.NIR.ordinal()).precision()).isNull();
        assertThat(r.markdown()).contains("| name | 2 | 2 | 0.500 [");
    }

    @Test
    void loaderNamesTheLineAndField(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> GuardSet.load(write(dir, "{\"id\": \"a\", \"text\": \"x\", \"findings\": [{\"type\": \"ssn\", \"text\": \"x\"}]}")))
                .isInstanceOf(DatasetException.class).hasMessageContaining("line 1, field 'findings[0].type'")
                .hasMessageContaining("'ssn'");
        assertThatThrownBy(() -> GuardSet.load(write(dir, "\n{\"id\": \"a\", \"text\": \"x\", \"findings\": [{\"type\": \"name\", \"text\": \"Y\"}]}")))
                .hasMessageContaining("line 2, field 'findings[0].text'").hasMessageContaining("'Y' is not in the text");
        assertThatThrownBy(() -> GuardSet.load(write(dir, "{\"id\": \"a\", \"text\": \"x\", \"findings\": []}\n{\"id\": \"a\", \"text\": \"y\", \"findings\": []}")))
                .hasMessageContaining("line 2, field 'id'").hasMessageContaining("duplicate");
        assertThatThrownBy(() -> GuardSet.load(write(dir, "{\"id\": \"a\", \"text\": \"x\", \"findings\": [], \"lang\": \"fr\"}")))
                .hasMessageContaining("field 'lang'");
        assertThatThrownBy(() -> GuardSet.load(write(dir, "{\"id\": \"a\", \"text\": \"x x\", \"findings\": [{\"type\": \"name\", \"text\": \"x\"}, {\"type\": \"name\", \"text\": \"x\"}, {\"type\": \"name\", \"text\": \"x\"}]}")))
                .hasMessageContaining("findings[2].text").hasMessageContaining("as many times");
        assertThatThrownBy(() -> GuardSet.load(write(dir, "{\"id\": \"a\", \"text\": \"x\"}")))
                .hasMessageContaining("field 'findings'");
    }

    private static Path write(Path dir, String content) throws IOException {
        Path f = Files.createTempFile(dir, "guard", ".jsonl");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }
}
