package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.engine.embedded.java.JavaKinds;
import io.greengate.suggestion.engine.embedded.python.PythonKinds;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kinds the registries list: names, priors, order and shapes that suggestions and the ranker rely on. */
class CaseKindsTest {

    private static final Map<String, List<? extends CaseKind<?>>> REGISTRIES =
            Map.of("java", JavaKinds.ALL, "python", PythonKinds.ALL);

    private static List<String> names(List<? extends CaseKind<?>> kinds) {
        return kinds.stream().map(CaseKind::name).toList();
    }

    @Test
    void everyKindNameIsUniqueWithinItsLanguage() {
        REGISTRIES.forEach((language, kinds) -> {
            List<String> names = names(kinds);
            assertFalse(names.isEmpty(), language);
            assertEquals(names.size(), new HashSet<>(names).size(), language + ": " + names);
        });
    }

    @Test
    void aKindNameInBothLanguagesHasTheSamePriorInBoth() {
        Map<String, Double> java = JavaKinds.ALL.stream()
                .collect(Collectors.toMap(CaseKind::name, CaseKind::priorConfidence));
        Set<String> shared = new HashSet<>();
        for (CaseKind<?> kind : PythonKinds.ALL) {
            if (java.containsKey(kind.name())) {
                shared.add(kind.name());
                assertEquals(java.get(kind.name()), kind.priorConfidence(), kind.name());
            }
        }
        // the ranker sees one prior per name, whatever the language
        assertTrue(shared.containsAll(Set.of("guard-returns", "round-trip", "signature")), shared.toString());
    }

    @Test
    void everyPriorIsAConfidence() {
        Stream.concat(JavaKinds.ALL.stream(), PythonKinds.ALL.stream()).forEach(kind ->
                assertTrue(kind.priorConfidence() > 0 && kind.priorConfidence() <= 1, kind.name()));
    }

    @Test
    void signatureKindsComeLast() {
        REGISTRIES.forEach((language, kinds) -> {
            List<String> names = names(kinds);
            int firstSignature = names.indexOf("signature");
            assertTrue(firstSignature >= 0, language + " has a signature kind: " + names);
            assertTrue(names.subList(firstSignature, names.size()).stream().allMatch("signature"::equals),
                    language + ": no behaviour kind after a signature kind: " + names);
        });
    }

    @Test
    void everyKindDeclaresAtLeastOneShape() {
        REGISTRIES.forEach((language, kinds) -> kinds.forEach(kind ->
                assertFalse(kind.shapes() == null || kind.shapes().isEmpty(), language + " " + kind.name())));
    }
}
