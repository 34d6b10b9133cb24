package fr.preuve.indexer.source.web;

import fr.preuve.core.doc.SourceKind;
import fr.preuve.indexer.fetch.FetchOutcome;
import fr.preuve.indexer.fetch.FetchRequest;
import fr.preuve.indexer.fetch.Fetcher;
import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.Downloaded;
import fr.preuve.indexer.source.ReadOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Web pages listed by URL (WHO fact sheets, society guidelines...), each fetched (revalidated with ETag or
 * Last-Modified, so an unchanged page is not downloaded again) and read by {@link WebPages}: main content only,
 * cut at its headings. Ids are {@code <kind>:<host>/<path>} ({@code who:www.who.int/news-room/fact-sheets/detail/diabetes}).
 */
public final class WebPageSource implements DocumentSource {

    private final List<URI> urls;
    private final SourceKind kind;
    private final String defaultLanguage;
    private final Fetcher fetcher;

    public WebPageSource(List<URI> urls, SourceKind kind, String defaultLanguage, Fetcher fetcher) {
        this.urls = List.copyOf(urls);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.defaultLanguage = defaultLanguage;
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    @Override
    public void read(Consumer<ReadOutcome> sink) {
        for (URI url : urls) {
            FetchOutcome out = fetcher.fetch(FetchRequest.get(url).accepting("text/html,application/xhtml+xml"));
            if (out instanceof FetchOutcome.Failed f) {
                sink.accept(Downloaded.failure(f));
                continue;
            }
            FetchOutcome.Body body = (FetchOutcome.Body) out;
            String type = body.contentType() == null ? "" : body.contentType().toLowerCase(java.util.Locale.ROOT);
            if (!type.isEmpty() && !type.contains("html")) {
                sink.accept(new ReadOutcome.Failed(url.toString(), "not an HTML page (Content-Type " + body.contentType() + ")"));
                continue;
            }
            try (InputStream in = Files.newInputStream(body.file())) {
                Document page = Jsoup.parse(in, charset(body.contentType()), url.toString());
                sink.accept(new ReadOutcome.Read(WebPages.document(WebPages.idFor(kind, url), page, url.toString(),
                        defaultLanguage, url.getHost() + url.getPath())));
            } catch (IOException e) {
                sink.accept(new ReadOutcome.Failed(url.toString(), "cannot read the page: " + e.getMessage()));
            } catch (IllegalArgumentException e) {
                sink.accept(new ReadOutcome.Failed(url.toString(), e.getMessage()));
            }
        }
    }

    /** The charset of a Content-Type, or null to let Jsoup detect it (BOM, meta charset, else UTF-8). */
    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)charset=\"?([A-Za-z0-9_.:-]+)").matcher(contentType);
        return m.find() ? m.group(1) : null;
    }
}
