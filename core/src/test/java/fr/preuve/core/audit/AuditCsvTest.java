package fr.preuve.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.answer.AnswerMode;
import fr.preuve.core.answer.ModelInfo;
import fr.preuve.core.answer.Timings;
import fr.preuve.core.answer.Verdict;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.core.guard.FindingType;
import fr.preuve.core.search.Filters;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    static AuditEntry entry(String id, String question, List<FindingType> found) {
        return new AuditEntry(id, Instant.parse("2026-11-22T09:15:00Z"), AuditChannel.API, AnswerMode.EXTRACTIVE, ModelInfo.local(),
                "smoke-20261122-3f2a9c1b", "2026-11-22T08:00:00Z", "en", "ab".repeat(32), question, found,
                new Filters(Set.of(SourceKind.WHO), Set.of("en"), 2015, null), List.of("who:a#1", "who:a#2"),
                List.of("who:a#1"), List.of(new AuditEntry.SentenceVerdict(Verdict.SUPPORTED, true, List.of(1)),
                new AuditEntry.SentenceVerdict(Verdict.UNSUPPORTED, false, List.of(1))), false, 120,
                List.of(), new Timings(12.34, 5.0, 17.34), "ward-3");
    }

    @Test
    void headerThenOneRfc4180LinePerEntry() {
        StringWriter out = new StringWriter();
        AuditCsv.write(List.of(entry("id-1", "Salt, \"iodised\" or not?", List.of()),
                entry("id-2", null, List.of(FindingType.NAME, FindingType.NIR))), out);
        String[] lines = out.toString().split("\r\n", -1);
        assertThat(lines).hasSize(4);
        assertThat(lines[3]).isEmpty();
        assertThat(lines[0]).isEqualTo(String.join(",", AuditCsv.COLUMNS)).startsWith("id,time,channel,requester,mode,");
        assertThat(lines[1]).isEqualTo("id-1,2026-11-22T09:15:00Z,api,ward-3,extractive,none,extractive,local,true,"
                + "smoke-20261122-3f2a9c1b,2026-11-22T08:00:00Z,en," + "ab".repeat(32)
                + ",\"Salt, \"\"iodised\"\" or not?\",,who,en,2015,,who:a#1 who:a#2,who:a#1,1,1,0,1,false,120,,12.3,5.0,17.3");
        assertThat(lines[2]).contains(",en," + "ab".repeat(32) + ",,name nir,who,");
    }

    @Test
    void quotesOnlyWhatNeedsIt() {
        assertThat(AuditCsv.quote("plain")).isEqualTo("plain");
        assertThat(AuditCsv.quote("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(AuditCsv.quote("say \"x\"")).isEqualTo("\"say \"\"x\"\"\"");
    }
}
