package io.greengate.suggestion.engine.llm;

import io.greengate.suggestion.analysis.ChangedSymbol;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModuleImportsTest {

    private static final Set<String> PACKAGE = Set.of("src/pkg/calc.py", "src/pkg/__init__.py");

    @Test
    void aModuleInAPackageIsNamedThroughItsPackages() {
        assertEquals(new ModuleImports.PythonModule("pkg.calc", "src"), ModuleImports.python("src/pkg/calc.py", PACKAGE));
        assertEquals(new ModuleImports.PythonModule("calc", "src/pkg"),
                ModuleImports.python("src/pkg/calc.py", Set.of()));
        assertEquals(new ModuleImports.PythonModule("pkg", "src"), ModuleImports.python("src/pkg/__init__.py", PACKAGE));
        assertEquals(Set.of("pkg.calc", "src.pkg.calc"),
                ModuleImports.acceptedPythonNames(PromptBuilderTest.clamp(), PACKAGE));
    }

    @Test
    void aPythonTestImportingTheModuleByAnotherNameIsCaught() {
        ChangedSymbol clamp = PromptBuilderTest.clamp();
        assertEquals("calc", ModuleImports.wrongPythonImport(clamp, "from calc import clamp\n", PACKAGE));
        assertEquals("calc", ModuleImports.wrongPythonImport(clamp, "import calc\n\ncalc.clamp(1, 2, 3)\n", PACKAGE));
        assertEquals("other.calc", ModuleImports.wrongPythonImport(clamp, "from other import calc\ncalc.clamp()\n",
                PACKAGE));
        assertNull(ModuleImports.wrongPythonImport(clamp, "from pkg.calc import clamp\n", PACKAGE));
        assertNull(ModuleImports.wrongPythonImport(clamp, "from src.pkg.calc import (\n    clamp,\n)\n", PACKAGE));
        assertNull(ModuleImports.wrongPythonImport(clamp, "from pkg import calc\n", PACKAGE));
        assertNull(ModuleImports.wrongPythonImport(clamp, "import pkg.calc as c\n", PACKAGE));
        assertNull(ModuleImports.wrongPythonImport(clamp, "from calc import something_else\n", PACKAGE),
                "a same-named module that does not give the changed module's names is another module");
        assertNull(ModuleImports.wrongPythonImport(clamp, "from calc import clamp\n", Set.of("src/pkg/calc.py")),
                "outside a package, calc is the module's name");
    }

    @Test
    void aJavaTestInAnotherPackageIsCaught() {
        ChangedSymbol total = PromptBuilderTest.pricingTotal();
        assertFalse(ModuleImports.inAnotherPackage(total, "package com.acme.shop;\nclass PricingTest {}\n"));
        assertTrue(ModuleImports.inAnotherPackage(total, "package com.acme;\nclass PricingTest {}\n"));
        assertTrue(ModuleImports.inAnotherPackage(total, "class PricingTest {}\n"));
    }
}
