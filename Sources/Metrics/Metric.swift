/// The metrics `pilot score` and the evaluation code can compute.
public enum Metric: String, CaseIterable, Codable, Sendable {
    /// Exact match after `AnswerNormalizer` (GQA-style VQA accuracy).
    case accuracy
    /// pycocoevalcap's CIDEr-D on `CaptionTokenizer` tokens.
    case cider
    /// pycocoevalcap's BLEU-1…4 on `CaptionTokenizer` tokens.
    case bleu
    /// Grounding: Acc@IoU≥0.5 of predicted box strings against reference boxes.
    case iou
    /// ScienceQA: the option letter LLaVA's rules extract, against the reference letter.
    case letter

    /// Whether references are boxes (`iou`) rather than lists of texts.
    public var usesBoxReferences: Bool { self == .iou }

    /// A short human name for summaries.
    public var displayName: String {
        switch self {
        case .accuracy: "exact-match accuracy"
        case .cider: "CIDEr-D"
        case .bleu: "BLEU-1..4"
        case .iou: "Acc@IoU≥\(BoxAccuracy.iouThreshold)"
        case .letter: "ScienceQA letter accuracy"
        }
    }
}
