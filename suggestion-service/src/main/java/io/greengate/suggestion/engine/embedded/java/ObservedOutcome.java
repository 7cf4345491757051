package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.analysis.java.JavaValues;
import io.greengate.suggestion.engine.embedded.ObservedOutcomes;
import io.greengate.suggestion.engine.embedded.render.JunitCase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When CI observes outcomes: a changed method called with ordinary arguments, its outcome (value as text, or the
 * exception it threw, and what it wrote into a sink) compared with the placeholder CI fills in (see
 * {@link ObservedOutcomes}). Also for changed methods only a test in the same package can call.
 */
final class ObservedOutcome extends JavaKind {

    ObservedOutcome() {
        super(ObservedOutcomes.KIND, 0.45);
    }

    @Override
    public Set<ChangedSymbol.Shape> shapes() {
        return Set.of(ChangedSymbol.Shape.CALLABLE, ChangedSymbol.Shape.INTERNAL);
    }

    /** How many cases with the change's own constants as arguments one method gets beside the ordinary one. */
    static final int MAX_VARIANTS = 2;

    /**
     * The case with ordinary arguments, then up to {@value #MAX_VARIANTS} with a constant of the change (and the next
     * integer, a boundary's other side) in place of one argument of a fitting type; none when some argument or the
     * instance has no ordinary value. CI observes each on the change's base too, so a variant whose outcome differs
     * there shows what the change did.
     */
    @Override
    public List<JunitCase> find(ChangedSymbol symbol, Found<JunitCase> found) {
        if (!found.observe() || symbol.name().equals("main")) {
            return List.of();
        }
        Optional<List<String>> ordinary = ordinaryArguments(symbol);
        if (ordinary.isEmpty() || symbol.receiver() == ChangedSymbol.Receiver.INSTANCE
                && symbol.java().knownValues().get(symbol.owner()) == null) {
            return List.of();
        }
        List<JunitCase> cases = new ArrayList<>();
        cases.add(observedCase(symbol, ordinary.get(), null));
        for (ArgumentVariant variant : ArgumentVariant.of(symbol, ordinary.get(), MAX_VARIANTS)) {
            List<String> arguments = new ArrayList<>(ordinary.get());
            arguments.set(variant.index(), variant.literal());
            cases.add(observedCase(symbol, arguments, variant));
        }
        return cases;
    }

    /** An ordinary value for each parameter, or the sink declared for it (its variable's name); empty if one has none. */
    private static Optional<List<String>> ordinaryArguments(ChangedSymbol symbol) {
        List<String> arguments = new ArrayList<>();
        for (ChangedSymbol.Parameter p : symbol.parameters()) {
            if (JavaValues.sink(p.type()).isPresent()) {
                arguments.add(p.name() + "Sink");
                continue;
            }
            Optional<String> value = JavaValues.of(p.type(), p.declared(), symbol.java().knownValues());
            if (value.isEmpty()) {
                return Optional.empty();
            }
            arguments.add(value.get());
        }
        return Optional.of(arguments);
    }

    private JunitCase observedCase(ChangedSymbol symbol, List<String> arguments, ArgumentVariant variant) {
        List<String> setup = new ArrayList<>();
        List<String> readAfter = new ArrayList<>();
        for (ChangedSymbol.Parameter p : symbol.parameters()) {
            Optional<String> sink = JavaValues.sink(p.type());
            if (sink.isPresent()) {
                String variable = p.name() + "Sink";
                String type = sink.get().substring(4, sink.get().indexOf('('));
                setup.add(type + " " + variable + " = " + sink.get() + ";");
                readAfter.add("\"; " + p.name() + ": \" + stable(" + JavaValues.contentsOf(p.type(), variable) + ")");
            }
        }
        String target;
        if (symbol.receiver() == ChangedSymbol.Receiver.INSTANCE) {
            String instance = symbol.java().knownValues().get(symbol.owner());
            setup.add(symbol.owner() + " instance = " + instance + ";");
            target = "instance";
        } else {
            target = symbol.owner();
        }
        String call = target + "." + symbol.name() + "(" + String.join(", ", arguments) + ")";
        boolean returnsNothing = "void".equals(symbol.returnType());
        if (returnsNothing && symbol.receiver() == ChangedSymbol.Receiver.INSTANCE) {
            // the call's whole effect is on the object: its state after the call is the outcome
            readAfter.add("\"; then: \" + describe(instance)");
        }
        String lambda = returnsNothing ? "() -> {\n            " + call + ";\n            return Void.TYPE;\n        }"
                : "() -> " + call;
        StringBuilder body = new StringBuilder();
        setup.forEach(line -> body.append(line).append("\n        "));
        body.append("String outcome = outcome(").append(lambda).append(")");
        readAfter.forEach(read -> body.append("\n                + ").append(read));
        body.append(";\n        ").append(ObservedOutcomes.ASSERTION);
        String with = variant == null ? "" : "With" + capitalize(GuardCases.describe(variant.literal()));
        String className = symbol.owner().replace(".", "") + capitalize(symbol.name()) + signatureWords(symbol)
                + with + "ObservedTest";
        String why = variant == null ? "" : " " + variant.why() + ", where what the change did is likely to show.";
        String rationale = "Lines " + symbol.startLine() + "–" + symbol.endLine() + " of " + symbol.file()
                + " changed " + symbol.qualifiedName() + ". This characterization case calls `" + call + "`;" + why
                + " CI runs it at this commit and writes what the call gave (its value, or the exception it threw)"
                + " into the assertion, and only then is it shown. Accept it if that observed outcome is the intended"
                + " one: the case then keeps it from changing unnoticed.";
        return new JunitCase(symbol, name(), priorConfidence(), className,
                symbol.name() + with + "KeepsItsObservedOutcome", List.of("assertEquals"), body.toString(), rationale,
                true);
    }

    /** Overloads of one method get test classes of their own: the parameter types name them apart. */
    private static String signatureWords(ChangedSymbol symbol) {
        String words = symbol.parameters().stream()
                .map(p -> p.type().replaceAll("<.*", "").replace("[]", "Array").replaceAll("[^A-Za-z0-9]", ""))
                .map(JavaKind::capitalize).collect(Collectors.joining());
        return words.isEmpty() ? "" : "Of" + (words.length() > 48 ? words.substring(0, 48) : words);
    }
}
