package fr.preuve.indexer.source.web;

import static fr.preuve.indexer.source.golden.GoldenFiles.assertGolden;
import static fr.preuve.indexer.source.golden.GoldenFiles.demo;
import static fr.preuve.indexer.source.golden.GoldenFiles.documents;
import static fr.preuve.indexer.source.golden.GoldenFiles.failures;
import static fr.preuve.indexer.source.golden.GoldenFiles.readAll;
import static fr.preuve.indexer.source.golden.GoldenFiles.render;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.indexer.fetch.DownloadCache;
import fr.preuve.indexer.fetch.FetchPolicy;
import fr.preuve.indexer.fetch.HttpFetcher;
import fr.preuve.indexer.fetch.RecordingScheduler;
import fr.preuve.indexer.fetch.ReplayServer;
import fr.preuve.indexer.fetch.ReplayServer.Reply;
import fr.preuve.indexer.fetch.UrlGuard;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.xml.SecureXml;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class WebPageSourceTest {

    @TempDir
    Path tmp;

    final ReplayServer server = new ReplayServer();

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * The real HAS summary HTML of p_3240117 (field {@code resume} of the recorded API answer), inside a page skeleton
     * with the boilerplate a site adds: navigation, header, footer, a cookie banner, scripts.
     */
    static String page() throws Exception {
        Element root = SecureXml.parse(java.nio.file.Files.newInputStream(demo("has/has_rest_RecommandationVaccinale_page0.xml")))
                .getDocumentElement();
        org.w3c.dom.NodeList fields = root.getElementsByTagName("field");
        String resume = null;
        for (int i = 0; i < fields.getLength() && resume == null; i++) {
            Element f = (Element) fields.item(i);
            if (f.getAttribute("name").equals("resume")) {
                resume = f.getTextContent();
            }
        }
        return "<!DOCTYPE html><html lang=\"fr\"><head><title>Stratégie de vaccination contre le Sars-Cov-2 | Haute Autorité de Santé</title>"
                + "<meta property=\"article:published_time\" content=\"2021-03-02T10:00:00+01:00\">"
                + "<script>window.tracker = 'SCRIPT-TEXT';</script><style>body{color:red}</style></head><body>"
                + "<header><a href=\"/\">Accueil</a> HEADER-TEXT</header><nav><ul><li>Menu NAV-TEXT</li></ul></nav>"
                + "<div class=\"cookie-banner\">Nous utilisons des cookies COOKIE-TEXT</div>"
                + "<main><h1>Stratégie de vaccination contre le Sars-Cov-2</h1>" + resume
                + "<script>alert('INLINE-SCRIPT')</script></main>"
                + "<aside>Voir aussi ASIDE-TEXT</aside><footer>Mentions légales FOOTER-TEXT</footer></body></html>";
    }

    WebPageSource source(List<URI> urls) {
        FetchPolicy policy = FetchPolicy.defaults(Set.of("127.0.0.1")).withRate(1000).withLimits(Duration.ofSeconds(5), 10_000_000, 2);
        return new WebPageSource(urls, SourceKind.WEB, "en", new HttpFetcher(policy, new DownloadCache(tmp.resolve("cache")),
                new RecordingScheduler(), UrlGuard.Resolver.system()));
    }

    @Test
    void keepsTheMainContentOnly() throws Exception {
        server.route("/jcms/p_3240117", Reply.ok(page().getBytes(StandardCharsets.UTF_8), "text/html; charset=UTF-8")
                .header("ETag", "\"a\""));

        List<ReadOutcome> out = readAll(source(List.of(server.uri("/jcms/p_3240117"), server.uri("/gone"))));

        SourceDocument d = documents(out).getFirst();
        assertThat(d.id().toString()).isEqualTo("web:127.0.0.1/jcms/p_3240117");
        assertThat(d.title()).isEqualTo("Stratégie de vaccination contre le Sars-Cov-2");
        assertThat(d.language()).isEqualTo("fr");
        assertThat(d.date()).isEqualTo("2021-03-02");
        assertThat(d.text()).contains("L’objectif de la vaccination contre le SARS-CoV-2").doesNotContain("SCRIPT", "HEADER-TEXT", "NAV-TEXT",
                "COOKIE-TEXT", "ASIDE-TEXT", "FOOTER-TEXT", "color:red");
        assertGolden("web-has-p_3240117.json", render(d).replace(server.base(), "http://replay"));
        assertThat(failures(out)).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("HTTP 404 Not Found"));
    }
}
