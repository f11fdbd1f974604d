import Metrics
import World

/// How each task is scored (the paper's metrics) and on which scale tables print it.
public enum TaskMetric {
    /// "accuracy", "CIDEr", "Acc@0.5".
    public static func name(of task: TaskKind) -> String {
        switch task {
        case .coco: return "CIDEr"
        case .refcoco: return "Acc@IoU0.5"
        default: return "accuracy"
        }
    }

    /// Most answer tokens a prediction may take, `<end>` included (a margin over the longest reference).
    public static func maxAnswerTokens(of task: TaskKind) -> Int {
        switch task {
        case .coco: return 32
        case .refcoco: return 12
        default: return 4
        }
    }

    /// Corpus score on the paper's scale (accuracy and Acc@0.5 in %, CIDEr-D × 100) and per-item scores (0...1, CIDEr-D raw).
    ///
    /// GQA and OCR-VQA: exact match after LLaVA's normalisation; COCO: CIDEr-D as pycocoevalcap;
    /// RefCOCO: IoU ≥ 0.5 with unparseable boxes wrong; ScienceQA: LLaVA's letter extraction.
    public static func score(_ task: TaskKind, predictions: [String: String], references: [String: [String]]) -> (score: Double, perItem: [String: Double]) {
        let result: CorpusScore<Double>
        switch task {
        case .gqa, .ocrvqa: result = ExactMatch.score(predictions: predictions, references: references)
        case .coco: result = CIDErD.score(predictions: predictions, references: references)
        case .scienceqa: result = ScienceQALetter.score(predictions: predictions, references: references)
        case .refcoco:
            let boxes = references.mapValues { BoundingBox(parsing: $0[0])! }
            let ious = BoxAccuracy.score(predictions: predictions, references: boxes)
            result = CorpusScore(score: ious.score, perItem: ious.perItem.mapValues { $0 >= BoxAccuracy.iouThreshold ? 1 : 0 })
        }
        return (100 * result.score, result.perItem)
    }
}
