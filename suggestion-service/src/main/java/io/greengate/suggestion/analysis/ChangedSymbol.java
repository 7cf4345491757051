package io.greengate.suggestion.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A function or method whose lines the diff touched, with what a test needs to reach and exercise it.
 *
 * @param module       Java package, or the Python module path
 * @param owner        enclosing class, or null for a module-level function
 * @param receiver     how it is called: on an instance, on the class (static/class method), or as a function
 * @param constructible whether the owner can be instantiated without arguments (needed for instance methods)
 * @param guards       leading guard clauses that throw/raise, or return a literal, before anything else runs
 * @param imports      Java: the source file's non-static imports, so the same names resolve in the test
 * @param moduleNames  Python: the module's top-level names, for binding names used in doctest examples
 * @param shape        a method or function, or a changed enum or record type (then {@code name} is the type's
 *                     simple name, {@code owner} the enclosing types, and {@code parameters} a record's components)
 * @param constants    an enum's constants, in declaration order
 * @param inverses     methods of the same class that undo this one (decode for encode, ...): round trips
 * @param reachedFrom  null when the symbol's own lines changed; else the changed non-public member it calls
 * @param thresholdType Java: the type ({@code int} or {@code Integer}) of the owner's public constructor that takes
 *                     only a threshold (a bound on the answer, as bounded edit distances have), or null
 * @param earlyExits   Java: the conditions of the leading {@code if (condition) return ...;} statements, whatever
 *                     they return: a call whose arguments fire one never gets to the rest of the method
 * @param knownValues  Java: values the source file offers, by type as a test names it: its enums' first constants
 *                     ({@code Mode.FILE}) and a way to get the owner ({@code new Owner()}, {@code CSVFormat.DEFAULT});
 *                     what observed-outcome cases call methods with and on
 */
public record ChangedSymbol(String file, String language, String module, String owner, String name,
                            Receiver receiver, boolean constructible, List<Parameter> parameters, String returnType,
                            int startLine, int endLine, String docstring, List<Guard> guards, List<String> imports,
                            Set<String> moduleNames, Shape shape, List<String> constants, List<Inverse> inverses,
                            String reachedFrom, String thresholdType, List<String> earlyExits,
                            Map<String, String> knownValues) {

    public enum Receiver { INSTANCE, CLASS, FUNCTION }

    /**
     * CALLABLE: a public method of a public class; INTERNAL: a changed method no other case kind reaches (protected
     * or package-private, or of a nested static type), which a test in the same package can still call: only
     * observed-outcome cases are written for it.
     */
    public enum Shape { CALLABLE, INTERNAL, ENUM, RECORD }

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

    /** A changed function or method, reached through its own changed lines. */
    public static ChangedSymbol callable(String file, String language, String module, String owner, String name,
                                         Receiver receiver, boolean constructible, List<Parameter> parameters,
                                         String returnType, int startLine, int endLine, String docstring,
                                         List<Guard> guards, List<String> imports, Set<String> moduleNames) {
        return new ChangedSymbol(file, language, module, owner, name, receiver, constructible, parameters, returnType,
                startLine, endLine, docstring, guards, imports, moduleNames, Shape.CALLABLE, List.of(), List.of(), null, null, List.of(), Map.of());
    }

    public ChangedSymbol withInverses(List<Inverse> found) {
        return new ChangedSymbol(file, language, module, owner, name, receiver, constructible, parameters, returnType,
                startLine, endLine, docstring, guards, imports, moduleNames, shape, constants, found, reachedFrom,
                thresholdType, earlyExits, knownValues);
    }

    public ChangedSymbol reachedFrom(String changedMember) {
        return new ChangedSymbol(file, language, module, owner, name, receiver, constructible, parameters, returnType,
                startLine, endLine, docstring, guards, imports, moduleNames, shape, constants, inverses, changedMember,
                thresholdType, earlyExits, knownValues);
    }

    public ChangedSymbol withThresholdType(String type) {
        return new ChangedSymbol(file, language, module, owner, name, receiver, constructible, parameters, returnType,
                startLine, endLine, docstring, guards, imports, moduleNames, shape, constants, inverses, reachedFrom, type,
                earlyExits, knownValues);
    }

    public ChangedSymbol withEarlyExits(List<String> conditions) {
        return new ChangedSymbol(file, language, module, owner, name, receiver, constructible, parameters, returnType,
                startLine, endLine, docstring, guards, imports, moduleNames, shape, constants, inverses, reachedFrom,
                thresholdType, conditions, knownValues);
    }

    public ChangedSymbol withKnownValues(Map<String, String> values) {
        return new ChangedSymbol(file, language, module, owner, name, receiver, constructible, parameters, returnType,
                startLine, endLine, docstring, guards, imports, moduleNames, shape, constants, inverses, reachedFrom,
                thresholdType, earlyExits, values);
    }

    public String qualifiedName() {
        return owner == null ? name : owner + "." + name;
    }

    public List<String> parameterNames() {
        return parameters.stream().map(Parameter::name).toList();
    }
}
