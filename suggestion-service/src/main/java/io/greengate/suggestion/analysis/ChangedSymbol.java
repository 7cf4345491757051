package io.greengate.suggestion.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A function, method or type whose lines the diff touched, with what a test needs to reach and exercise it: where it
 * is, how a test calls it, what its code states, and what only its language has.
 *
 * @param name    the function's or method's name; for a changed enum or record, the type's simple name
 * @param shape   a method or function, or a changed enum or record type (then {@code place.owner} is the enclosing
 *                types, and {@code call.parameters} a record's components)
 * @param details {@link JavaDetails} or {@link PythonDetails}, by {@code place.language}
 */
public record ChangedSymbol(Place place, String name, Shape shape, Call call, Facts facts, LanguageDetails details) {

    public enum Receiver { INSTANCE, CLASS, FUNCTION }

    /**
     * CALLABLE: a public method of a public class; INTERNAL: a changed method no other case kind reaches (protected
     * or package-private, or of a nested static type), which a test in the same package can still call: only
     * observed-outcome cases are written for it.
     */
    public enum Shape { CALLABLE, INTERNAL, ENUM, RECORD }

    /**
     * @param module Java package, or the Python module path
     * @param owner  enclosing class (Outer.Inner for a nested one), or null for a module-level function
     */
    public record Place(String file, String language, String module, String owner, int startLine, int endLine) {
    }

    /**
     * @param receiver      how it is called: on an instance, on the class (static/class method), or as a function
     * @param constructible whether the owner can be instantiated without arguments (needed for instance methods)
     * @param returnType    Java: the erased type; Python: the annotation, or null
     */
    public record Call(Receiver receiver, boolean constructible, List<Parameter> parameters, String returnType) {
    }

    /**
     * What the code states about the symbol.
     *
     * @param guards      leading guard clauses that throw/raise, or return a literal, before anything else runs
     * @param inverses    methods of the same class that undo this one (decode for encode, ...): round trips
     * @param reachedFrom null when the symbol's own lines changed; else the changed non-public member it calls
     * @param changeConstants the number and string literals on the diff's added lines of the symbol, in order: where
     *                    a change's boundaries and sentinels usually are
     */
    public record Facts(String docstring, List<Guard> guards, List<Inverse> inverses, String reachedFrom,
                        List<String> changeConstants) {

        public static final Facts NONE = new Facts(null, List.of(), List.of(), null);

        public Facts(String docstring, List<Guard> guards, List<Inverse> inverses, String reachedFrom) {
            this(docstring, guards, inverses, reachedFrom, List.of());
        }
    }

    /** What only one language's symbols have. */
    public sealed interface LanguageDetails permits JavaDetails, PythonDetails {
    }

    /**
     * @param imports       the source file's non-static imports, so the same names resolve in the test
     * @param constants     an enum's constants, in declaration order
     * @param thresholdType the type ({@code int} or {@code Integer}) of the owner's public constructor that takes only
     *                      a threshold (a bound on the answer, as bounded edit distances have), or null
     * @param earlyExits    the conditions of the leading {@code if (condition) return ...;} statements, whatever they
     *                      return: a call whose arguments fire one never gets to the rest of the method
     * @param knownValues   values the source file offers, by type as a test names it: its enums' first constants
     *                      ({@code Mode.FILE}) and a way to get the owner ({@code new Owner()}, {@code CSVFormat.DEFAULT});
     *                      what observed-outcome cases call methods with and on
     */
    public record JavaDetails(List<String> imports, List<String> constants, String thresholdType,
                              List<String> earlyExits, Map<String, String> knownValues) implements LanguageDetails {

        public static JavaDetails of(List<String> imports) {
            return new JavaDetails(imports, List.of(), null, List.of(), Map.of());
        }

        public JavaDetails withKnownValues(Map<String, String> values) {
            return new JavaDetails(imports, constants, thresholdType, earlyExits, values);
        }
    }

    /** @param moduleNames the module's top-level names, for binding names used in doctest examples */
    public record PythonDetails(Set<String> moduleNames) implements LanguageDetails {
    }

    /**
     * A method of the same class and receiver that takes what this one returns and gives back what it takes.
     *
     * @param forward whether this symbol is the encoding side (the round trip starts with it)
     * @param changed whether the inverse's own lines changed too
     */
    public record Inverse(String name, boolean forward, boolean changed) {
    }

    /**
     * A declared parameter; {@code type} is the erased type for Java, the annotation (or null) for Python;
     * {@code declared} the Java type as written, type arguments included ({@code List<Long>}), else null.
     */
    public record Parameter(String name, String type, String defaultValue, boolean variadic, String declared) {

        public Parameter(String name, String type, String defaultValue, boolean variadic) {
            this(name, type, defaultValue, variadic, null);
        }
    }

    /**
     * A leading guard clause: {@code if (condition) throw/raise exception}, or {@code if (condition) return literal}
     * (then {@code exception} is null and {@code returned} is the literal as written in the source). A guard the
     * Javadoc states ({@code @throws NullPointerException if {@code name} is null}) carries that text in
     * {@code documented}; its condition is then derived from the text, not read from the code. A guard on the
     * object's own state that holds for a new instance carries the fields it reads with their fresh values in
     * {@code freshState} ({@code runningState = State.UNSTARTED}).
     */
    public record Guard(String condition, String exception, int line, String returned, String documented,
                        String freshState) {

        public Guard(String condition, String exception, int line) {
            this(condition, exception, line, null, null, null);
        }

        public static Guard returning(String condition, String returned, int line) {
            return new Guard(condition, null, line, returned, null, null);
        }

        public static Guard documented(String condition, String exception, int line, String text) {
            return new Guard(condition, exception, line, null, text, null);
        }

        public static Guard onFreshState(String condition, String exception, int line, String freshState) {
            return new Guard(condition, exception, line, null, null, freshState);
        }

        public boolean returns() {
            return exception == null;
        }
    }

    public ChangedSymbol withInverses(List<Inverse> found) {
        return new ChangedSymbol(place, name, shape, call,
                new Facts(facts.docstring(), facts.guards(), found, facts.reachedFrom(), facts.changeConstants()), details);
    }

    public ChangedSymbol reachedFrom(String changedMember) {
        return new ChangedSymbol(place, name, shape, call,
                new Facts(facts.docstring(), facts.guards(), facts.inverses(), changedMember, facts.changeConstants()),
                details);
    }

    public ChangedSymbol withChangeConstants(List<String> constants) {
        return new ChangedSymbol(place, name, shape, call,
                new Facts(facts.docstring(), facts.guards(), facts.inverses(), facts.reachedFrom(), constants), details);
    }

    public ChangedSymbol withDetails(LanguageDetails replaced) {
        return new ChangedSymbol(place, name, shape, call, facts, replaced);
    }

    public String file() {
        return place.file();
    }

    public String language() {
        return place.language();
    }

    public String module() {
        return place.module();
    }

    public String owner() {
        return place.owner();
    }

    public int startLine() {
        return place.startLine();
    }

    public int endLine() {
        return place.endLine();
    }

    public Receiver receiver() {
        return call.receiver();
    }

    public boolean constructible() {
        return call.constructible();
    }

    public List<Parameter> parameters() {
        return call.parameters();
    }

    public String returnType() {
        return call.returnType();
    }

    public String docstring() {
        return facts.docstring();
    }

    public List<Guard> guards() {
        return facts.guards();
    }

    public List<Inverse> inverses() {
        return facts.inverses();
    }

    public String reachedFrom() {
        return facts.reachedFrom();
    }

    public List<String> changeConstants() {
        return facts.changeConstants();
    }

    /** The Java details; only for a Java symbol. */
    public JavaDetails java() {
        return (JavaDetails) details;
    }

    /** The Python details; only for a Python symbol. */
    public PythonDetails python() {
        return (PythonDetails) details;
    }

    public String qualifiedName() {
        return owner() == null ? name : owner() + "." + name;
    }

    public List<String> parameterNames() {
        return parameters().stream().map(Parameter::name).toList();
    }
}
