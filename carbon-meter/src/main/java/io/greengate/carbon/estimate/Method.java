package io.greengate.carbon.estimate;

/** How an energy figure was obtained; reported with every estimate. */
public enum Method {
    /** CPU and memory power model (CCF coefficients) from CPU and wall time. */
    MODEL,
    /** Read from the machine's Intel RAPL energy counters. */
    RAPL,
    /** Remote LLM: tokens times joules per token of the model. */
    TOKENS,
    /** Remote LLM: the energy its server reported for the call (plus the local CPU model). */
    REPORTED
}
