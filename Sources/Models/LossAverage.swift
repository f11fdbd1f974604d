/// How the language-model loss of a batch averages its answer tokens' cross-entropies.
///
/// LLaVA (and every preset here) takes the mean over all answer tokens of the batch, so an example
/// weighs as much as it has answer tokens: in a mixed-task batch a ScienceQA example (a letter and
/// `<end>`) weighs a fraction of a COCO caption's dozen words. Averaging within each example first
/// gives every example the same weight. It matters only when a batch mixes tasks (centralized
/// tuning on a union; every federated client holds one task).
public enum LossAverage: String, Codable, Hashable, Sendable, CaseIterable {
    /// The mean over every answer token of the batch (LLaVA's).
    case answerTokens = "tokens"
    /// The mean over examples of each example's mean over its answer tokens.
    case examples
}
