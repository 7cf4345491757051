package io.greengate.suggestion.engine.embedded;

/** A case kind's name and prior confidence, held once for the kinds of every language. */
public abstract class NamedKind<C> implements CaseKind<C> {

    private final String name;
    private final double priorConfidence;

    protected NamedKind(String name, double priorConfidence) {
        this.name = name;
        this.priorConfidence = priorConfidence;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final double priorConfidence() {
        return priorConfidence;
    }
}
