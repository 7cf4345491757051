package io.greengate.suggestion.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Flags generated code that does something a reviewer must look at twice before it runs in CI. */
public final class RiskScanner {

    private static final Map<String, Pattern> RISKS = new LinkedHashMap<>();

    static {
        RISKS.put("PROCESS_EXECUTION", Pattern.compile("subprocess|os\\.system|os\\.popen|Runtime\\.getRuntime\\(\\)\\.exec|ProcessBuilder"));
        RISKS.put("DYNAMIC_EVAL", Pattern.compile("(?<![\\w.])(eval|exec)\\s*\\(|ScriptEngine"));
        RISKS.put("NETWORK", Pattern.compile("socket|urllib|requests\\.|http\\.client|HttpClient|URLConnection|new\\s+URL\\("));
        RISKS.put("FILE_DELETION", Pattern.compile("os\\.remove|os\\.unlink|shutil\\.rmtree|Files\\.delete|\\.delete\\(\\)|rmdir"));
        RISKS.put("REFLECTION", Pattern.compile("setAccessible|\\.invoke\\(|__import__|getattr\\(.*,\\s*['\"]_"));
        RISKS.put("SYSTEM_EXIT", Pattern.compile("System\\.exit|sys\\.exit|os\\._exit"));
    }

    private RiskScanner() {
    }

    public static List<String> scan(String code) {
        return RISKS.entrySet().stream().filter(e -> e.getValue().matcher(code).find()).map(Map.Entry::getKey).toList();
    }
}
