package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.body.MethodDeclaration;
import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.analysis.InversePairs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Methods of one class that undo each other ({@code encode} / {@code decode}): a round trip a test can make. */
final class RoundTrips {

    private RoundTrips() {
    }

    /** Types a round trip can start from with a value written in the test. */
    static final Set<String> ROUND_TRIP_TYPES = Set.of("String", "CharSequence", "byte[]", "char[]", "int", "long");

    /**
     * Methods of the class with the same receiver that undo this one: one parameter each, this one's parameter
     * type is the other's return type and the other way round, the names pair by verb, and the round trip starts
     * from a type a test can write a value of.
     */
    static List<ChangedSymbol.Inverse> inverses(MethodDeclaration method, List<MethodDeclaration> candidates,
                                                Map<String, String> nested,
                                                Predicate<MethodDeclaration> changed) {
        if (method.getParameters().size() != 1) {
            return List.of();
        }
        String takes = TypeNames.erased(method.getParameter(0).getType(), nested);
        String gives = TypeNames.erased(method.getType(), nested);
        List<ChangedSymbol.Inverse> found = new ArrayList<>();
        for (MethodDeclaration other : candidates) {
            if (other == method || other.getParameters().size() != 1 || other.isStatic() != method.isStatic()
                    || !TypeNames.erased(other.getParameter(0).getType(), nested).equals(gives)
                    || !TypeNames.erased(other.getType(), nested).equals(takes)) {
                continue;
            }
            Boolean forward = InversePairs.forward(method.getNameAsString(), other.getNameAsString());
            String start = Boolean.TRUE.equals(forward) ? takes : gives;
            if (forward == null || !ROUND_TRIP_TYPES.contains(start)) {
                continue;
            }
            found.add(new ChangedSymbol.Inverse(other.getNameAsString(), forward, changed.test(other)));
        }
        return found;
    }
}
