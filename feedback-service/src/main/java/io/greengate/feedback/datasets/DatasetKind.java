package io.greengate.feedback.datasets;

/** The training sets feedback exports, in the JSON Lines formats Hugging Face TRL reads. */
public enum DatasetKind {
    /** SFTTrainer, conversational: {"messages": [system, user, assistant]}. */
    SFT,
    /** DPOTrainer, standard preference: {"prompt", "chosen", "rejected"}. */
    DPO
}
