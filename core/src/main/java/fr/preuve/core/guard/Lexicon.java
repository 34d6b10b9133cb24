package fr.preuve.core.guard;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word lists behind {@link NameDetector}: first names, eponyms and capitalised words that are not names. */
final class Lexicon {
    private Lexicon() {
    }

    private static Set<String> words(String spaceSeparated) {
        return Set.copyOf(Arrays.asList(spaceSeparated.trim().toLowerCase(Locale.ROOT).split("\\s+")));
    }

    /** Common French and English first names (lower case), the anchor of {@code Jean DUPONT} and {@code DUPONT Jean}. */
    static final Set<String> FIRST_NAMES = words("""
            adam adèle adrien agathe agnès aicha aïcha alain alban albert alexandre alexandra alexis alice aline alix
            amandine amélie ana anaïs andré andrée angèle angélique anne annie anthony antoine antoinette arnaud arthur
            audrey aurélie aurélien axel baptiste bastien béatrice benjamin benoît bernadette bernard bertrand blanche
            brigitte bruno camille capucine carine caroline catherine cécile céline chantal charles charlotte chloé
            christelle christian christiane christine christophe claire clara claude claudine clément clémence colette
            corinne cyril damien daniel danielle david delphine denis denise didier dominique dorothée édith édouard
            eléonore éléonore éliane élise élodie éloïse emma emmanuel emmanuelle éric estelle éthan étienne eugène
            eva évelyne fabien fabienne fabrice fanny fatima fatou florence florent florian francis franck françois
            françoise frédéric frédérique gabriel gabrielle gaël gaëlle gaston geneviève georges gérald gérard
            germaine ghislaine gilbert gilles ginette gisèle grégoire grégory guillaume guy hélène henri henriette
            hervé hugo hugues inès irène isabelle jacqueline jacques jade jean jeanne jérémy jérôme joël joëlle
            jordan joseph josette josiane jules julia julie julien juliette justine karim karima kevin kévin laetitia
            laëtitia laura laure laurence laurent léa léna léo léon léonie liliane lina lise lola louis louise luc
            lucas lucie lucien lucienne ludovic lydie madeleine magali malik manon marc marcel marcelle margaux
            margot marguerite maria marie marine marion marius martine mathéo mathieu mathilde matthieu maurice
            maxime mélanie mélissa michel micheline michèle mickaël mohamed monique morgane muriel mylène nadia
            nadine nathalie nathan nicolas nicole noah noémie océane odette odile olivier olivia pascal pascale
            patrice patricia patrick paul paule paulette pauline philippe pierre quentin rachel raphaël raymond
            raymonde régine régis rémi rémy renée richard robert roger roland romain rose sabine sacha samia samuel
            sandrine sarah sébastien serge simon simone solange sophie stéphane stéphanie suzanne sylvain sylvie
            théo thérèse thibault thierry thomas timothée valentin valérie véronique victor victoire vincent virginie
            xavier yann yannick yasmine yves yvette yvonne zoé
            abigail amanda amy andrew anthony ashley barbara betty brian carol charles daniel deborah donald dorothy
            edward elizabeth emily emma george helen james jane jennifer jessica john joseph joshua karen kenneth
            kevin kimberly laura linda lisa margaret mark mary matthew michael nancy patricia paul peter rebecca
            richard robert ronald ruth sandra sarah steven susan thomas william
            """);

    /** Names of diseases, signs, scores and tests (lower case): a capitalised eponym is not patient data. */
    static final Set<String> EPONYMS = words("""
            addison alzheimer apgar asperger barlow barré basedow behçet bell biermer bouveret bourneville brugada
            burkitt charcot child conn creutzfeldt crohn cushing danlos down duchenne duke dupuytren ehlers fallot
            glasgow gougerot graves guillain hashimoto hirschsprung hodgkin horton huntington jakob kaposi
            kawasaki klinefelter korsakoff lasègue lyme marfan ménière menière murphy paget parkinson pugh raynaud
            schirmer sjögren still takayasu tourette turner waldenström wegener wells whipple willebrand wilson
            wolff zollinger epstein barr gayet wernicke hansen
            """);

    /** Capitalised words that are never a patient's name on their own (lower case): terms, places, acronyms. */
    static final Set<String> NOT_NAMES = words("""
            patient patiente patients patientes malade enfant homme femme mon ma le la les un une des du de et ou
            madame monsieur docteur professeur dr pr mr mrs ms mme mlle
            témoin jéhovah covid covid-19 sars-cov-2 vih hiv sida aids bpco copd avc hta irc irct ira sep sla tdah tsa
            asa gold nyha ald ehpad chu chr ch has oms who ansm inserm ars cpam mdph samu smur sau réa usc usi
            hba1c inr crp tsh ecg irm eeg emg tdm tep ldl hdl dfg nfs vs bnp nt-probnp psa ige igg igm
            ipp ains aod avk hbpm ic fa fevg rcp amm smr asmr et al
            lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août
            septembre octobre novembre décembre january february march april may june july august september october
            november december monday tuesday wednesday thursday friday saturday sunday
            paris lyon marseille toulouse nice nantes strasbourg montpellier bordeaux lille rennes reims france
            """);

    /** Nouns that, followed by {@code de} / {@code d'}, introduce an eponym ({@code maladie de Crohn}). */
    static final Pattern EPONYM_NOUN_BEFORE = Pattern.compile("(?<![\\p{L}])(?:maladie|syndrome|signe|score|test|loi|classification"
            + "|échelle|critères?|manœuvre|manoeuvre|méthode|lymphome|thyroïdite|phénomène|sarcome|tumeur|kyste|ulcère"
            + "|paralysie|anomalie|triade|réflexe|diverticule|chorée|maladies|syndromes|disease|syndrome|sign|lymphoma)"
            + "[ \\u00A0]+(?:de[ \\u00A0]+|d['’][ \\u00A0]*|du[ \\u00A0]+|of[ \\u00A0]+)?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Words before a name that make it an institution or a street ({@code hôpital Georges Pompidou}). */
    static final Pattern INSTITUTION_BEFORE = Pattern.compile("(?<![\\p{L}])(?:hôpital|hopital|hospital|chu|chr|ch|institut"
            + "|centre|center|clinique|fondation|université|university|faculté|groupe[ \\u00A0]+hospitalier|lycée|collège"
            + "|école|prix|médaille|rue|avenue|av\\.|boulevard|bd|place|allée|quai|impasse|chemin|route|square|cours|stade"
            + "|station|gare|pavillon|service|unité|ehpad|laboratoires?|labo|société|groupe|entreprise|firme|company"
            + "|pharma|association|fondation)(?:[ \\u00A0]+[\\p{L}'’\\-]+){0,2}[ \\u00A0]+$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Words before a name that make it an author or a cited source ({@code selon Dupont}, {@code according to}). */
    static final Pattern AUTHOR_BEFORE = Pattern.compile("(?<![\\p{L}])(?:selon|d['’]après|according[ \\u00A0]+to|par"
            + "|by|cf\\.?|voir|see)[ \\u00A0]+(?:(?:le|la|les|the)[ \\u00A0]+)?$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** What follows an author's name ({@code et al.}, {@code and colleagues}, {@code (2019)}). */
    static final Pattern AUTHOR_AFTER = Pattern.compile("^[ \\u00A0]*(?:,[ \\u00A0]*)?(?:et[ \\u00A0]+al|and[ \\u00A0]+colleagues"
            + "|et[ \\u00A0]+coll|and[ \\u00A0]+al|\\((?:19|20)[0-9]{2}\\))", Pattern.CASE_INSENSITIVE);

    /** An adjective derived from an eponym: parkinsonien, alzheimérien, crohnienne, cushingoïde, basedowien. */
    private static final Pattern DERIVED = Pattern.compile("(.+?)(?:é?ri?en|ien|iens|ienne|iennes|ique|iques|oïde|oïdes|isme)",
            Pattern.UNICODE_CASE);

    static boolean isFirstName(String word) {
        return FIRST_NAMES.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * True for a word that cannot be a surname by itself: an eponym or a word derived from one, an acronym or term, a
     * month, a big city.
     */
    static boolean notAName(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (NOT_NAMES.contains(w) || EPONYMS.contains(w)) {
            return true;
        }
        for (String part : w.split("-")) {
            if (EPONYMS.contains(part) || NOT_NAMES.contains(part)) {
                return true;
            }
        }
        Matcher derived = DERIVED.matcher(w);
        if (derived.matches()) {
            String stem = derived.group(1);
            for (String eponym : EPONYMS) {
                if (eponym.length() >= 5 && (stem.equals(eponym) || stem.equals(eponym.substring(0, eponym.length() - 1)))) {
                    return true;
                }
            }
        }
        return false;
    }
}
