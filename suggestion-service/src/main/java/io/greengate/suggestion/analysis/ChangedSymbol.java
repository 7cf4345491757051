package io.greengate.suggestion.analysis;

import java.util.List;

/**
 * A function or method whose lines the diff touched, with what a test needs to reach it.
 *
 * @param owner          enclosing class, or null for a module-level function
 * @param parameters     declared parameters in order (for methods of Python classes, including self)
 * @param parameterTypes Java: erased types as written in source; Python: empty
 * @param imports        Java: the source file's non-static imports, so the same names resolve in the test
 */
public record ChangedSymbol(String file, String language, String module, String owner, String name,
                            List<String> parameters, List<String> parameterTypes, String returnType,
                            int startLine, int endLine, List<String> imports) {

    public String qualifiedName() {
        return owner == null ? name : owner + "." + name;
    }
}
