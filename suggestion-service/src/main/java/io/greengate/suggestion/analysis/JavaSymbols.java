package io.greengate.suggestion.analysis;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.type.Type;
import io.greengate.suggestion.diff.ChangedFile;

import java.util.ArrayList;
import java.util.List;

/** Changed public methods of public classes, found with JavaParser. */
public final class JavaSymbols {

    private JavaSymbols() {
    }

    public static List<ChangedSymbol> changedIn(ChangedFile file, String source) {
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        ParseResult<CompilationUnit> result = parser.parse(source);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            return List.of();
        }
        CompilationUnit unit = result.getResult().get();
        String packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        List<String> imports = unit.getImports().stream().filter(i -> !i.isStatic())
                .map(ImportDeclaration::toString).map(String::strip).toList();
        List<ChangedSymbol> symbols = new ArrayList<>();
        for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
            if (!type.isPublic() || type.isInterface() || !type.getTypeParameters().isEmpty() || type.isLocalClassDeclaration()
                    || !type.isTopLevelType()) {
                continue;
            }
            for (MethodDeclaration method : type.getMethods()) {
                if (!method.isPublic() || !method.getTypeParameters().isEmpty() || method.getRange().isEmpty()) {
                    continue;
                }
                int start = method.getRange().get().begin.line;
                int end = method.getRange().get().end.line;
                if (!file.touches(start, end)) {
                    continue;
                }
                symbols.add(new ChangedSymbol(file.path(), "java", packageName, type.getNameAsString(),
                        method.getNameAsString(),
                        method.getParameters().stream().map(Parameter::getNameAsString).toList(),
                        method.getParameters().stream().map(JavaSymbols::erasedType).toList(),
                        erased(method.getType()), start, end, imports));
            }
        }
        return symbols;
    }

    private static String erasedType(Parameter parameter) {
        String type = erased(parameter.getType());
        return parameter.isVarArgs() ? type + "[]" : type;
    }

    private static String erased(Type type) {
        if (type.isClassOrInterfaceType()) {
            return type.asClassOrInterfaceType().getNameWithScope();
        }
        if (type.isArrayType()) {
            return erased(type.asArrayType().getComponentType()) + "[]";
        }
        return type.asString();
    }
}
