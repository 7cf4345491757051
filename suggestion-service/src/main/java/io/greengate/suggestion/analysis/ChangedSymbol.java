package io.greengate.suggestion.analysis;

import java.util.List;
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
 */
public record ChangedSymbol(String file, String language, String module, String owner, String name,
                            Receiver receiver, boolean constructible, List<Parameter> parameters, String returnType,
                            int startLine, int endLine, String docstring, List<Guard> guards, List<String> imports,
                            Set<String> moduleNames) {

    public enum Receiver { INSTANCE, CLASS, FUNCTION }

    /** A declared parameter; {@code type} is the erased type for Java, the annotation (or null) for Python. */
    public record Parameter(String name, String type, String defaultValue, boolean variadic) {
    }

    /**
     * A leading guard clause: {@code if (condition) throw/raise exception}, or {@code if (condition) return literal}
     * (then {@code exception} is null and {@code returned} is the literal as written in the source).
     */
    public record Guard(String condition, String exception, int line, String returned) {

        public Guard(String condition, String exception, int line) {
            this(condition, exception, line, null);
        }

        public static Guard returning(String condition, String returned, int line) {
            return new Guard(condition, null, line, returned);
        }

        public boolean returns() {
            return exception == null;
        }
    }

    public String qualifiedName() {
        return owner == null ? name : owner + "." + name;
    }

    public List<String> parameterNames() {
        return parameters.stream().map(Parameter::name).toList();
    }
}
