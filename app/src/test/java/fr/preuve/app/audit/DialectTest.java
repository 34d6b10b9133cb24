package fr.preuve.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The dialect comes from the URL, and what is printed of a URL never holds its credentials. */
class DialectTest {

    @Test
    void theUrlNamesTheDialect() {
        assertThat(Dialect.of("jdbc:sqlite:/var/lib/preuve/audit.db")).isEqualTo(Dialect.SQLITE);
        assertThat(Dialect.of("jdbc:postgresql://db:5432/preuve?user=preuve")).isEqualTo(Dialect.POSTGRESQL);
        assertThatThrownBy(() -> Dialect.of("jdbc:mysql://db/preuve?password=x"))
                .hasMessage("unsupported audit database 'jdbc:mysql://db/preuve'; expected jdbc:sqlite:FILE or "
                        + "jdbc:postgresql://HOST/DB");
    }

    @Test
    void whereTheTrailIsNeverShowsAPassword() {
        assertThat(Dialect.where("jdbc:sqlite:/var/lib/preuve/audit.db?journal_mode=WAL"))
                .isEqualTo("/var/lib/preuve/audit.db");
        assertThat(Dialect.where("jdbc:postgresql://db.chu.fr:5432/preuve?user=preuve&password=s3cret"))
                .isEqualTo("postgresql://db.chu.fr:5432/preuve");
        assertThat(Dialect.where("jdbc:postgresql://preuve:s3cret@db.chu.fr/preuve"))
                .isEqualTo("postgresql://db.chu.fr/preuve");
        assertThatThrownBy(() -> JdbcAuditLog.open("jdbc:postgresql://127.0.0.1:1/preuve?user=preuve&password=s3cret"
                + "&connectTimeout=2")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot open the audit database postgresql://127.0.0.1:1/preuve: ")
                .hasMessageNotContaining("s3cret");
    }
}
