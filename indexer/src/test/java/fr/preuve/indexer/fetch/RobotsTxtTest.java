package fr.preuve.indexer.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RobotsTxtTest {

    @Test
    void longestMatchWinsAndAllowWinsATie() {
        RobotsTxt r = RobotsTxt.parse("""
                User-agent: *
                Disallow: /rest/
                Allow: /rest/data/
                Disallow: /*.php$
                Disallow: /tmp
                Allow: /tmp
                """);

        assertThat(r.disallowedBy("Preuve", "/rest/search?text=x")).isEqualTo("Disallow: /rest/");
        assertThat(r.disallowedBy("Preuve", "/rest/data/p_1")).isNull();
        assertThat(r.disallowedBy("Preuve", "/index.php")).isEqualTo("Disallow: /*.php$");
        assertThat(r.disallowedBy("Preuve", "/index.php?x=1")).isNull();
        assertThat(r.disallowedBy("Preuve", "/tmp/a")).isNull();
        assertThat(r.disallowedBy("Preuve", "/")).isNull();
    }

    @Test
    void aGroupNamingOurAgentReplacesTheStarGroup() {
        RobotsTxt r = RobotsTxt.parse("""
                # comments and sitemaps are ignored
                User-agent: *
                Disallow: /

                User-agent: GoogleBot
                User-agent: preuve
                Crawl-delay: 5
                Disallow: /private
                Sitemap: https://example.org/sitemap.xml
                """);

        assertThat(r.disallowedBy("Preuve", "/public")).isNull();
        assertThat(r.disallowedBy("Preuve", "/private/x")).isEqualTo("Disallow: /private");
        assertThat(r.disallowedBy("OtherBot", "/public")).isEqualTo("Disallow: /");
    }

    @Test
    void emptyDisallowAllowsEverything() {
        assertThat(RobotsTxt.parse("User-agent: *\nDisallow:\n").disallowedBy("Preuve", "/x")).isNull();
        assertThat(RobotsTxt.disallowAll().disallowedBy("Preuve", "/x")).isEqualTo("Disallow: /");
    }
}
