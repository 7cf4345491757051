package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.analysis.java.Guards;
import io.greengate.suggestion.analysis.java.JavaValues;
import io.greengate.suggestion.engine.embedded.GuardInputs;
import io.greengate.suggestion.engine.embedded.render.JunitCase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.greengate.suggestion.engine.embedded.java.JavaKind.capitalize;

/**
 * How a guard clause becomes a case, for the four guard kinds: the call that trips it, and an assertThrows or an
 * assertion on the literal it returns. Whether the code or the Javadoc states the guard only changes the rationale
 * and the class name.
 */
final class GuardCases {

    private static final List<String> NUMERIC = List.of("int", "long", "short", "byte", "double", "float");
    /** Return types whose emptiness a test checks with isEmpty(). */
    private static final List<String> EMPTIABLE = List.of("List", "Set", "Map", "Collection", "Optional",
            "SortedSet", "SortedMap", "NavigableSet", "NavigableMap");

    private GuardCases() {
    }

    /** The symbol's first guard, which no other can pre-empt; null when it has none. */
    static ChangedSymbol.Guard first(ChangedSymbol symbol) {
        return symbol.guards().isEmpty() ? null : symbol.guards().get(0);
    }

    /**
     * The case for one guard: the call that trips it.
     *
     * @param ordinal how many cases of this method's documented guards came before: they name the test class apart
     */
    static Optional<JunitCase> guardCase(JavaKind kind, ChangedSymbol symbol, ChangedSymbol.Guard guard, int ordinal) {
        Optional<GuardInputs.Trigger> trigger = GuardInputs.solve(guard, symbol.parameters(), true);
        if (trigger.isEmpty() || JavaKind.unreachableInstance(symbol)) {
            return Optional.empty();
        }
        boolean documented = guard.documented() != null;
        List<String> values = new ArrayList<>();
        Map<String, String> byName = new HashMap<>();
        for (ChangedSymbol.Parameter p : symbol.parameters()) {
            boolean tripped = p.name().equals(trigger.get().parameter());
            String value = tripped ? trigger.get().literal().equals("null") ? "(" + p.type() + ") null"
                    : trigger.get().literal() : documented ? JavaValues.present(p.type()) : JavaValues.neutral(p.type());
            // the Javadoc promises what one bad argument does when the others are fine: a null among them could
            // be refused first (another exception), or answered without a look at the bad one
            if (!tripped && documented && value.endsWith(") null")) {
                return Optional.empty();
            }
            values.add(value);
            byName.put(p.name(), value);
        }
        // a call the method answers with an early return never reaches what the Javadoc promises
        if (documented && symbol.java().earlyExits().stream().anyMatch(exit -> GuardInputs.holds(exit, byName))) {
            return Optional.empty();
        }
        String call = JavaKind.target(symbol) + "." + symbol.name() + "(" + String.join(", ", values) + ")";
        return guard.returns() ? returnCase(kind, symbol, guard, trigger.get(), call)
                : Optional.of(throwCase(kind, symbol, guard, trigger.get(), call, ordinal));
    }

    private static JunitCase throwCase(JavaKind kind, ChangedSymbol symbol, ChangedSymbol.Guard guard,
                                       GuardInputs.Trigger trigger, String call, int ordinal) {
        String method = symbol.name() + "Rejects" + capitalize(trigger.parameter()) + "Of"
                + capitalize(describe(trigger.literal()));
        String body = "assertThrows(" + guard.exception() + ".class, () -> " + call + ");";
        if (guard.documented() != null) {
            String rationale = "The Javadoc of " + symbol.qualifiedName() + " (" + symbol.file() + ", line "
                    + guard.line() + ") promises `" + guard.documented() + "`; with " + trigger.parameter() + " = "
                    + trigger.literal() + " this case checks that it keeps that promise.";
            String suffix = ordinal == 0 ? "" : capitalize(trigger.parameter()) + capitalize(describe(trigger.literal()));
            return kind.junitCase(symbol, symbol.owner() + capitalize(symbol.name()) + "JavadocThrows" + suffix
                    + "Test", method, List.of("assertThrows"), body, rationale);
        }
        String rationale = "Line " + guard.line() + " of " + symbol.file() + " throws " + guard.exception() + " when `"
                + guard.condition() + "`; with " + trigger.parameter() + " = " + trigger.literal()
                + " this case checks that " + symbol.qualifiedName() + " refuses the input before doing anything.";
        return kind.junitCase(symbol, symbol.owner() + capitalize(symbol.name()) + "GuardTest", method,
                List.of("assertThrows"), body, rationale);
    }

    /** The first guard checks the object's state, and a new instance trips it: any arguments get the exception. */
    static JunitCase freshStateCase(JavaKind kind, ChangedSymbol symbol, ChangedSymbol.Guard guard) {
        String arguments = symbol.parameters().stream().map(p -> JavaValues.neutral(p.type()))
                .collect(Collectors.joining(", "));
        String body = "assertThrows(" + guard.exception() + ".class, () -> new " + symbol.owner() + "()."
                + symbol.name() + "(" + arguments + "));";
        String rationale = "Line " + guard.line() + " of " + symbol.file() + " throws " + guard.exception() + " when `"
                + guard.condition() + "`; a new " + symbol.owner() + " has " + guard.freshState() + " (its fields' "
                + "initial values, which no constructor changes), so this case checks that " + symbol.qualifiedName()
                + " refuses to run on an object in that state.";
        return kind.junitCase(symbol, symbol.owner() + capitalize(symbol.name()) + "GuardTest",
                symbol.name() + "RejectsANew" + symbol.owner(), List.of("assertThrows"), body, rationale);
    }

    /** {@code if (condition) return <literal>;} as the first statement: the call that trips it gets that literal. */
    private static Optional<JunitCase> returnCase(JavaKind kind, ChangedSymbol symbol, ChangedSymbol.Guard guard,
                                                  GuardInputs.Trigger trigger, String call) {
        String returned = guard.returned();
        String type = symbol.returnType();
        String assertion;
        String body;
        if (returned.equals("null") && !JavaValues.PRIMITIVE_DEFAULTS.containsKey(type) && !type.equals("void")) {
            assertion = "assertNull";
            body = "assertNull(" + call + ");";
        } else if ((returned.equals("true") || returned.equals("false")) && (type.equals("boolean") || type.equals("Boolean"))) {
            assertion = returned.equals("true") ? "assertTrue" : "assertFalse";
            body = assertion + "(" + call + ");";
        } else if (Guards.isEmptyValue(returned)
                && EMPTIABLE.contains(type.startsWith("java.util.") ? type.substring(10) : type)) {
            assertion = "assertTrue";
            body = "assertTrue(" + call + ".isEmpty());";
        } else if (returned.startsWith("\"") && (type.equals("String") || type.equals("CharSequence"))) {
            assertion = "assertEquals";
            body = "assertEquals(" + returned + ", " + call + (type.equals("CharSequence") ? ".toString()" : "") + ");";
        } else if (returned.matches("-?\\s*\\d+[lL]?") && NUMERIC.contains(type)
                && !(returned.toLowerCase().endsWith("l") && List.of("int", "short", "byte").contains(type))) {
            assertion = "assertEquals";
            body = "assertEquals(" + returned + ", " + call + ");";
        } else {
            return Optional.empty();
        }
        String method = symbol.name() + "Returns" + capitalize(describe(returned)) + "When" + capitalize(trigger.parameter())
                + "Is" + capitalize(describe(trigger.literal()));
        if (guard.documented() != null) {
            String rationale = "The Javadoc of " + symbol.qualifiedName() + " (" + symbol.file() + ", line "
                    + guard.line() + ") promises `" + guard.documented() + "`; with " + trigger.parameter()
                    + " = null this case checks that it keeps that promise.";
            return Optional.of(kind.junitCase(symbol, symbol.owner() + capitalize(symbol.name()) + "JavadocReturnTest",
                    method, List.of(assertion), body, rationale));
        }
        String rationale = "Line " + guard.line() + " of " + symbol.file() + " returns " + returned + " when `"
                + guard.condition() + "`; with " + trigger.parameter() + " = " + trigger.literal()
                + " this case checks that " + symbol.qualifiedName() + " answers " + returned + " before doing anything else.";
        return Optional.of(kind.junitCase(symbol, symbol.owner() + capitalize(symbol.name()) + "EarlyReturnTest",
                method, List.of(assertion), body, rationale));
    }

    /** A literal as words for a Java name: {@code -1} → {@code minus1}, {@code ""} → {@code empty}. */
    static String describe(String literal) {
        if (Guards.isEmptyValue(literal) || literal.startsWith("new ") && literal.endsWith("[0]")) {
            return "empty";
        }
        String words = literal.replace("-", "minus").replace(".", "point").replace("\"\"", "empty")
                .replaceAll("[^A-Za-z0-9]", "");
        return words.isEmpty() ? "text" : words.length() > 24 ? words.substring(0, 24) : words;
    }
}
