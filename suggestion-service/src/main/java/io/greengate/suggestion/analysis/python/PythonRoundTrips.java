package io.greengate.suggestion.analysis.python;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.analysis.InversePairs;
import io.greengate.suggestion.diff.ChangedFile;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Annotated functions of one scope that undo each other ({@code to_json} / {@code from_json}). */
final class PythonRoundTrips {

    private PythonRoundTrips() {
    }

    /** Types a round trip can start from with a literal. */
    private static final Set<String> ROUND_TRIP_TYPES = Set.of("str", "bytes", "int");

    /** One annotated positional parameter (besides self) and an annotated return. */
    private record OneToOne(String name, String takes, String gives) {
    }

    /**
     * Functions of the same scope and receiver that undo this one, by their names and annotations (the round trip
     * starts from a str, bytes or int). Unannotated functions are left alone: their types are a guess.
     */
    static List<ChangedSymbol.Inverse> inverses(TSNode function, List<TSNode> siblings, ChangedFile file,
                                                PythonSource text, boolean instance) {
        OneToOne own = oneToOne(function, text, instance);
        if (own == null) {
            return List.of();
        }
        List<ChangedSymbol.Inverse> found = new ArrayList<>();
        for (TSNode sibling : siblings) {
            TSNode other = PythonSyntax.unwrapDecorated(sibling);
            OneToOne theirs = other.getStartByte() == function.getStartByte() ? null : oneToOne(other, text, instance);
            if (theirs == null || !theirs.takes().equals(own.gives()) || !theirs.gives().equals(own.takes())) {
                continue;
            }
            Boolean forward = InversePairs.forward(own.name(), theirs.name());
            if (forward == null || !ROUND_TRIP_TYPES.contains(forward ? own.takes() : own.gives())) {
                continue;
            }
            found.add(new ChangedSymbol.Inverse(theirs.name(), forward,
                    file.touches(other.getStartPoint().getRow() + 1, other.getEndPoint().getRow() + 1)));
        }
        return found;
    }

    private static OneToOne oneToOne(TSNode function, PythonSource text, boolean instance) {
        String name = text.of(function.getChildByFieldName("name"));
        TSNode returns = function.getChildByFieldName("return_type");
        List<ChangedSymbol.Parameter> parameters =
                PythonSyntax.parameters(function.getChildByFieldName("parameters"), text);
        if (name.startsWith("_") || returns == null || returns.isNull() || parameters == null) {
            return null;
        }
        if (instance) {
            if (parameters.isEmpty() || !parameters.get(0).name().equals("self")) {
                return null;
            }
            parameters = parameters.subList(1, parameters.size());
        }
        if (parameters.size() != 1 || parameters.get(0).variadic() || parameters.get(0).type() == null
                || parameters.get(0).defaultValue() != null) {
            return null;
        }
        return new OneToOne(name, parameters.get(0).type(), text.of(returns));
    }
}
