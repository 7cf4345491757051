package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.analysis.ChangedSymbol;

import java.util.List;
import java.util.Set;

/**
 * One kind of test case the embedded engine writes: its name (what suggestions, events and the ranker call it), the
 * engine's prior confidence in a case of the kind, the shapes of changed symbol it applies to, and how it finds its
 * cases. Kinds are listed, in the order their cases come, in {@code JavaKinds} and {@code PythonKinds}.
 *
 * @param <C> the case model the kind's language renders: {@code JunitCase} or {@code PytestCase}
 */
public interface CaseKind<C> {

    /** The kind's name, e.g. {@code guard-throws}: stable, it is stored with every suggestion. */
    String name();

    /** The engine's confidence in a case of this kind, before any ranker has learned from reviewers. */
    double priorConfidence();

    /** The shapes of changed symbol the kind has cases for. */
    default Set<ChangedSymbol.Shape> shapes() {
        return Set.of(ChangedSymbol.Shape.CALLABLE);
    }

    /** The cases of this kind for one changed symbol; empty when the kind has none for it. */
    List<C> find(ChangedSymbol symbol, Found<C> found);

    /**
     * What a kind knows beside the symbol: whether CI observes outcomes, and the cases that kinds listed before it
     * found for the same symbol.
     */
    record Found<C>(boolean observe, List<C> earlier) {
    }
}
