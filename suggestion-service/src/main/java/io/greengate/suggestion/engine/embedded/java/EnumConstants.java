package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.render.JunitCase;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A changed enum: every constant is found by its name, and the constants keep their names and order. */
final class EnumConstants extends JavaKind {

    EnumConstants() {
        super("enum-constants", 0.6);
    }

    @Override
    public Set<ChangedSymbol.Shape> shapes() {
        return Set.of(ChangedSymbol.Shape.ENUM);
    }

    @Override
    public List<JunitCase> find(ChangedSymbol symbol, Found<JunitCase> found) {
        String type = symbol.qualifiedName();
        String names = symbol.java().constants().stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
        String body = "for (" + type + " constant : " + type + ".values()) {\n"
                + "            assertSame(constant, " + type + ".valueOf(constant.name()));\n        }\n"
                + "        assertEquals(java.util.List.of(" + names + "),\n"
                + "                java.util.Arrays.stream(" + type + ".values()).map(Enum::name).toList());";
        String rationale = "The enum " + type + " changed (" + symbol.file() + ", lines " + symbol.startLine() + "–"
                + symbol.endLine() + "); this case loads its constants (running their constructors), checks each is "
                + "found by its name and pins their names and order, on which valueOf callers and ordinal users rely.";
        return List.of(junitCase(symbol, type.replace(".", "") + "ConstantsTest",
                uncapitalize(symbol.name()) + "ConstantsKeepTheirNamesAndOrder", List.of("assertEquals", "assertSame"),
                body, rationale));
    }
}
