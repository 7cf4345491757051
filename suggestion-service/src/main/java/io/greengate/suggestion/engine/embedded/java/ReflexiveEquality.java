package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.render.JunitCase;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An equality test between two values of one type is reflexive: a value equals a copy of itself. An equality
 * test is a method giving a boolean for two arguments of the same type named {@code equals}, {@code ...Equals},
 * {@code equalsIgnoreCase}, {@code is...Equal} or {@code isSame...}; names with a negation are left out.
 */
final class ReflexiveEquality extends JavaKind {

    /** How a test writes a second value equal to the first one but not the same object. */
    private static final Map<String, String> EQUAL_COPIES = Map.of(
            "String", "new String(first)",
            "CharSequence", "new String(first)",
            "byte[]", "first.clone()",
            "char[]", "first.clone()",
            "int", "first",
            "long", "first");

    ReflexiveEquality() {
        super("reflexive-equality", 0.6);
    }

    @Override
    public List<JunitCase> find(ChangedSymbol symbol, Found<JunitCase> found) {
        String name = symbol.name();
        boolean named = name.matches("equals|equalsIgnoreCase|[a-z]\\w*Equals|is\\w*Equal|isSame\\w*")
                && !name.matches(".*(Not|Un|Non)[A-Z].*");
        Optional<String> compared = DistanceIdentity.twoOfOneType(symbol).filter(EQUAL_COPIES::containsKey);
        if (!named || compared.isEmpty() || !List.of("boolean", "Boolean").contains(symbol.returnType())
                || symbol.receiver() == ChangedSymbol.Receiver.INSTANCE && (!symbol.constructible() || name.equals("equals"))) {
            return List.of();
        }
        String type = compared.get();
        String firstType = type.equals("CharSequence") ? "String" : type;
        String body = firstType + " first = " + ContractSamples.BY_TYPE.get(type) + ";\n        " + type + " second = "
                + EQUAL_COPIES.get(type) + ";\n        assertTrue(" + target(symbol) + "." + name + "(first, second));";
        String rationale = symbol.qualifiedName() + " changed (" + symbol.file() + ", lines " + symbol.startLine()
                + "–" + symbol.endLine() + "); by its name and types it tests two values for equality, and equality "
                + "is reflexive, so this case checks that a value equals an equal copy of itself.";
        return List.of(junitCase(symbol, symbol.owner() + capitalize(name) + "ReflexiveTest",
                name + "HoldsForEqualValues", List.of("assertTrue"), body, rationale));
    }
}
