package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.render.JunitCase;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A changed record gives back each component it was built with and equals (same hash) a record of the same ones. */
final class RecordComponents extends JavaKind {

    RecordComponents() {
        super("record-components", 0.6);
    }

    @Override
    public Set<ChangedSymbol.Shape> shapes() {
        return Set.of(ChangedSymbol.Shape.RECORD);
    }

    @Override
    public List<JunitCase> find(ChangedSymbol symbol, Found<JunitCase> found) {
        List<String> values = new ArrayList<>();
        for (ChangedSymbol.Parameter component : symbol.parameters()) {
            String sample = ContractSamples.BY_TYPE.get(component.type());
            if (sample == null) {
                return List.of();
            }
            values.add(sample);
        }
        if (values.isEmpty()) {
            return List.of();
        }
        String type = symbol.qualifiedName();
        String arguments = String.join(", ", values);
        StringBuilder body = new StringBuilder(type + " record = new " + type + "(" + arguments + ");\n");
        for (int i = 0; i < values.size(); i++) {
            ChangedSymbol.Parameter component = symbol.parameters().get(i);
            String assertion = component.type().endsWith("[]") ? "assertArrayEquals" : "assertEquals";
            body.append("        ").append(assertion).append("(").append(values.get(i)).append(", record.")
                    .append(component.name()).append("());\n");
        }
        body.append("        ").append(type).append(" same = new ").append(type).append("(").append(arguments)
                .append(");\n");
        boolean hasArrays = symbol.parameters().stream().anyMatch(p -> p.type().endsWith("[]"));
        if (!hasArrays) { // records compare arrays by identity
            body.append("        assertEquals(record, same);\n        assertEquals(record.hashCode(), same.hashCode());");
        } else {
            body.append("        assertEquals(record, record);");
        }
        List<String> assertions = hasArrays ? List.of("assertArrayEquals", "assertEquals") : List.of("assertEquals");
        String rationale = "The record " + type + " changed (" + symbol.file() + ", lines " + symbol.startLine() + "–"
                + symbol.endLine() + "); this case checks what the language promises of a record without a "
                + "constructor of its own: each accessor gives back its component, and records of equal components "
                + "are equal with equal hash codes.";
        return List.of(junitCase(symbol, type.replace(".", "") + "RecordTest",
                uncapitalize(symbol.name()) + "GivesBackItsComponents", assertions, body.toString().strip(), rationale));
    }
}
