package fr.preuve.core.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/** Field names and analyzers of a Preuve index. One Lucene index holds a "doc" entry and its "passage" entries. */
public final class IndexSchema {
    private IndexSchema() {
    }

    public static final String KIND = "kind";
    public static final String KIND_DOC = "doc";
    public static final String KIND_PASSAGE = "passage";

    public static final String ID = "id";
    public static final String DOC_ID = "doc_id";
    public static final String SOURCE = "source";
    public static final String LANG = "lang";
    /** Publication type keyword ({@link fr.preuve.core.doc.PublicationType}), on doc and passage entries. */
    public static final String TYPE = "type";
    public static final String YEAR = "year";
    public static final String DATE = "date";
    public static final String TITLE = "title";
    public static final String SECTION = "section";
    public static final String PAGE = "page";
    public static final String URL = "url";
    public static final String ORDINAL = "ordinal";
    public static final String START = "start";
    public static final String END = "end";
    public static final String TEXT = "text";
    public static final String VECTOR = "vector";
    public static final String HASH = "hash";
    public static final String METADATA = "metadata";
    public static final String PASSAGE_COUNT = "passage_count";
    /** Provenance on doc entries: the declared source's name, its licence, the parser and when it was indexed. */
    public static final String ORIGIN = "origin";
    public static final String LICENCE = "licence";
    public static final String PARSER = "parser";
    public static final String INDEXED_AT = "indexed_at";

    /** Analysed text fields, one per supported language: {@code text_en}, {@code text_fr}, {@code title_en}... */
    public static String textField(String lang) {
        return "text_" + analyzedLanguage(lang);
    }

    public static String titleField(String lang) {
        return "title_" + analyzedLanguage(lang);
    }

    /** Languages with a dedicated analyzer; any other language is analysed as English. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "fr");

    static String analyzedLanguage(String lang) {
        return "fr".equals(lang) ? "fr" : "en";
    }

    /** The analyzer of each field: English and French stemming, keywords elsewhere. */
    public static Analyzer analyzer() {
        Analyzer en = new EnglishAnalyzer();
        Analyzer fr = new FrenchAnalyzer();
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
                "text_en", en, "title_en", en,
                "text_fr", fr, "title_fr", fr));
    }
}
