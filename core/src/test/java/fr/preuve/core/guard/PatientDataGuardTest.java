package fr.preuve.core.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.config.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PatientDataGuardTest {
    private final PatientDataGuard guard = PatientDataGuard.standard();

    private List<String> found(String text) {
        return guard.scan(text).stream().map(f -> f.type().key() + ":" + f.text()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Mme Martin-Durand, 72 ans, insuffisante cardiaque                   | name:Martin-Durand
            M. Jean Lefèvre a une FA                                            | name:Jean Lefèvre
            Monsieur Giraud présente une FA                                     | name:Giraud
            Madame Le Goff a une maladie de Horton                              | name:Le Goff
            Mrs Patel has CKD                                                   | name:Patel
            Patient DUPONT Jean sous AVK                                        | name:DUPONT Jean
            Jean-Pierre MARTIN, 81 ans, sous AVK                                | name:Jean-Pierre MARTIN
            Claire Fontaine, 29 ans, maladie de Crohn                           | name:Claire Fontaine
            La patiente Lemoine a fait une réaction au vaccin contre la COVID-19 | name:Lemoine
            Patient J.D., 45 ans, séropositif                                   | name:J.D.
            Yasmine B., 17 ans, anorexie mentale                                | name:Yasmine B.
            Le Dr Martin, 54 ans, diabétique, veut jeûner                       | name:Martin
            le patient Dr Martin est diabétique                                 | name:Martin
            """)
    void findsNames(String text, String expected) {
        assertThat(found(text)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Selon Dupont et al. (2019), la vitamine D réduit-elle les chutes ?",
            "Méta-analyse de Smith et al. sur les statines",
            "According to Smith and colleagues (2018), is colchicine effective?",
            "D'après le Pr Dupont, faut-il arrêter l'aspirine ?",
            "Mon patient a été vu par le Dr Martin, cardiologue, qui propose un bêtabloquant",
            "Maladie de Parkinson, syndrome de Cushing, lymphome de Hodgkin, maladie d'Alzheimer, maladie de Crohn",
            "Le patient parkinsonien sous lévodopa ; le patient Parkinsonien sous lévodopa",
            "Dans l'étude RECOVERY, la dexaméthasone chez les patients COVID-19",
            "BPCO, AVC, VIH, HbA1c, OMS, WHO, HAS : quelles recommandations ?",
            "DOLIPRANE 1000 mg et KARDEGIC 75 mg chez un patient de 80 ans",
            "Étude menée à Lyon et Marseille sur la bronchiolite",
            "Selon le protocole de l'hôpital européen Georges-Pompidou",
            "Le laboratoire Pierre Vallon commercialise-t-il un générique ?",
            "Infection à M. pneumoniae chez l'enfant",
            "Mme X., 45 ans, anonymisée",
            "Homme, 45 ans, diabétique"})
    void doesNotTakeTermsAuthorsOrPhysiciansForPatients(String text) {
        assertThat(found(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Patient né le 12/03/1958, diabétique                      | birthdate:12/03/1958
            née le 3 mars 1961, ménopausée                            | birthdate:3 mars 1961
            Date de naissance : 12.03.1958, diabète                   | birthdate:12.03.1958
            DDN 12/03/58, enceinte                                    | birthdate:12/03/58
            Né(e) le 02/05/1949 ; dialysé                             | birthdate:02/05/1949
            Patient born on March 3, 1958 with myasthenia             | birthdate:March 3, 1958
            DOB 1958-03-12, resistant hypertension                    | birthdate:1958-03-12
            Patiente admise le 14/02/2024 pour pneumopathie           | date:14/02/2024
            Hospitalisé le 3 janvier 2025 pour une embolie pulmonaire | date:3 janvier 2025
            Patient opéré le 1er février 2025 d'une prothèse          | date:1er février 2025
            Patient admitted on 14 February 2024 with DKA             | date:14 February 2024
            """)
    void findsBirthdatesAndEventDates(String text, String expected) {
        assertThat(found(text)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Patient de 67 ans ; 67-year-old man",
            "né en 1958, traité depuis mars 2021",
            "Étude de 2015 ; entre 2010 et 2020 ; en 2019",
            "Avis de la Commission de la transparence du 15 mars 2023 sur le sémaglutide",
            "La HAS a publié le 22 novembre 2023 une recommandation sur le zona",
            "La mise à jour du 12/01/2024 du RCP de la metformine",
            "TA 150/95 mmHg, version 2.1.3, 1.5.10"})
    void ignoresAgesYearsPeriodsAndPublicationDates(String text) {
        assertThat(found(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            rappeler au 06 12 34 56 78 demain           | phone:06 12 34 56 78
            tél. 06.12.34.56.78                         | phone:06.12.34.56.78
            contact 0612345678 ;                        | phone:0612345678
            au +33 6 12 34 56 78                        | phone:+33 6 12 34 56 78
            au +33 (0)6 12 34 56 78                     | phone:+33 (0)6 12 34 56 78
            Her number is +44 20 7946 0958.             | phone:+44 20 7946 0958
            Call +1 (555) 123-4567 today                | phone:+1 (555) 123-4567
            écrire à jean.dupont58@example.fr svp       | email:jean.dupont58@example.fr
            """)
    void findsPhonesAndEmails(String text, String expected) {
        assertThat(found(text)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "500 mg 3 fois par jour ; 1 000 000 UI ; 50000 UI par mois",
            "HbA1c 7,2 % ; créatininémie 0,92 g/L ; plaquettes 150 000/mm3",
            "ISBN 978-92-4-154992-9",
            "DOI 10.1056/NEJMoa1911303 et PMID 31535829",
            "L'essai NCT03036124 ; EudraCT 2020-001113-21",
            "Appeler le 15 ou le 112 ; Tabac Info Service 39 89"})
    void ignoresDosesLabValuesAndReferenceNumbers(String text) {
        assertThat(found(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Patiente domiciliée 12 rue de la Paix, 75002 Paris, vit seule | address:12 rue de la Paix, 75002 Paris
            M. Perrin habite 3 bis avenue Jean Jaurès.                    | name:Perrin;address:3 bis avenue Jean Jaurès
            Adresse : 27 bd Voltaire 75011 Paris. Migraine                | address:27 bd Voltaire 75011 Paris
            Résidente au 5 allée des Peupliers, EHPAD                     | address:5 allée des Peupliers
            Il habite rue de la Gare à Rodez                              | address:rue de la Gare à Rodez
            Patient résidant à 33500 Libourne, lithémie                   | address:33500 Libourne
            Patient living at 221 Baker Street, London                    | address:221 Baker Street
            """)
    void findsAddresses(String text, String expected) {
        assertThat(found(text)).containsExactly(expected.split(";"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"3 cours de corticoïdes puis 2 voies veineuses", "mise en place d'une sonde", "CHU de Nice",
            "Leucocytes à 15000/mm3", "Étude de 12000 Patients"})
    void ignoresStreetWordsInClinicalText(String text) {
        assertThat(found(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            IPP 123456 sous IPP au long cours                 | ipp:123456
            IPP : 2024-000123, lupus                          | ipp:2024-000123
            n° de dossier 8812345 : convulsion                | ipp:8812345
            NDA 2400118734, BPCO                              | ipp:2400118734
            Numéro patient 00452187 ; apixaban                | ipp:00452187
            MRN 1234567 resistant hypertension                | ipp:1234567
            N° patient : P-0048812 ; hyperkaliémie            | ipp:P-0048812
            N° de sécurité sociale 1 85 05 78 006 084 36, urticaire | ipp:1 85 05 78 006 084 36
            N° de sécurité sociale 1 85 05 78 006 084 91, urticaire | nir:1 85 05 78 006 084 91
            """)
    void findsLabelledIdentifiersAndTellsAWrongKeyNirFromANir(String text, String expected) {
        assertThat(found(text)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"IPP au long cours chez le sujet âgé", "un IPP 20 mg par jour", "IPP 40 mg/j depuis 2019"})
    void takesIppWithADoseForADrug(String text) {
        assertThat(found(text)).isEmpty();
    }

    @Test
    void findingsAreInOrderAndDoNotOverlap() {
        String text = "MARCHAND Lucie, IPP 7788123, née le 2 août 1985, tél. 06.12.34.56.78, lucie@example.fr";
        assertThat(found(text)).containsExactly("name:MARCHAND Lucie", "ipp:7788123", "birthdate:2 août 1985",
                "phone:06.12.34.56.78", "email:lucie@example.fr");
        List<Finding> findings = guard.scan(text);
        for (int i = 1; i < findings.size(); i++) {
            assertThat(findings.get(i).start()).isGreaterThanOrEqualTo(findings.get(i - 1).end());
        }
        for (Finding f : findings) {
            assertThat(text.substring(f.start(), f.end())).isEqualTo(f.text());
        }
    }

    @Test
    void theLongerFindingWinsAnOverlap() {
        // 06.12.34 alone would be a date (6 December 1934)
        assertThat(found("au 06.12.34.56.78")).containsExactly("phone:06.12.34.56.78");
    }

    @Test
    void redactsWithPlaceholders() {
        String text = "Mme Fabre, née le 21/09/1947, admise le 02/01/2025, NIR 2 58 03 12 075 123 35, tél. 06 12 34 56 78, "
                + "fabre@example.org, 12 rue des Lilas, IPP 4471203";
        assertThat(guard.redact(text, guard.scan(text))).isEqualTo("Mme [NOM], née le [DATE_NAISSANCE], admise le [DATE], "
                + "NIR [NIR], tél. [TÉLÉPHONE], [EMAIL], [ADRESSE], IPP [IPP]");
        assertThat(guard.redact("rien", List.of())).isEqualTo("rien");
    }

    @Test
    void removeLeavesTheClinicalQuestionForRetrieval() {
        String text = "Mme Fabre, née le 21/09/1947, IPP 4471203 : quelle cible d'HbA1c chez une patiente de 77 ans ?";
        assertThat(guard.remove(text, guard.scan(text)))
                .isEqualTo("Mme , née le , IPP : quelle cible d'HbA1c chez une patiente de 77 ans ?");
        String onlyIdentifying = "06 12 34 56 78";
        assertThat(guard.remove(onlyIdentifying, guard.scan(onlyIdentifying))).isEqualTo(onlyIdentifying);
    }

    @Test
    void redactRefusesFindingsThatDoNotMatchTheText() {
        Finding f = new Finding(FindingType.NAME, "Dupont", 4, 10);
        assertThatThrownBy(() -> guard.redact("Mme Durand", List.of(f))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Dupont").hasMessageContaining("[4, 10)");
        assertThatThrownBy(() -> guard.redact("Mme", List.of(f))).isInstanceOf(IllegalArgumentException.class);
        Finding a = new Finding(FindingType.NAME, "Jean Dupont", 0, 11);
        Finding b = new Finding(FindingType.NAME, "Dupont", 5, 11);
        assertThatThrownBy(() -> guard.redact("Jean Dupont", List.of(a, b))).hasMessageContaining("overlaps");
    }

    @Test
    void findingChecksItsSpan() {
        assertThatThrownBy(() -> new Finding(FindingType.NIR, "123", 5, 4)).hasMessageContaining("[5, 4)");
        assertThatThrownBy(() -> new Finding(FindingType.NIR, "123", 0, 4)).hasMessageContaining("'123'");
    }

    @Test
    void cleanTextHasNoFinding() {
        assertThat(guard.scan("")).isEmpty();
        assertThat(guard.scan("Quelle dose d'amoxicilline chez l'enfant : 80 à 100 mg/kg/j en 3 prises ?")).isEmpty();
    }

    @Test
    void typesHaveLowerCaseJsonKeys() throws Exception {
        assertThat(Yaml.json().writeValueAsString(FindingType.BIRTHDATE)).isEqualTo("\"birthdate\"");
        assertThat(Yaml.json().writeValueAsString(new Finding(FindingType.IPP, "123456", 4, 10)))
                .isEqualTo("{\"type\":\"ipp\",\"text\":\"123456\",\"start\":4,\"end\":10}");
        assertThat(FindingType.fromKey(" Phone ")).isEqualTo(FindingType.PHONE);
        assertThatThrownBy(() -> FindingType.fromKey("ssn")).hasMessageContaining("'ssn'").hasMessageContaining("nir");
    }
}
