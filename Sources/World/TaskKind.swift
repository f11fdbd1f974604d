/// The five instruction-tuning tasks: analogs of the paper's data sets (docs/design.md).
public enum TaskKind: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
    /// Compositional questions on attributes, relations, counts, existence (GQA); one-word answers.
    case gqa
    /// Describe the scene (COCO Caption); several reference captions per image.
    case coco
    /// Referring expression → normalised box (RefCOCO).
    case refcoco
    /// Multiple choice with a textual context (ScienceQA); an option letter.
    case scienceqa
    /// Read the text written into the picture (OCR-VQA); a word.
    case ocrvqa

    /// The paper's name of the data set this task stands in for.
    public var paperName: String {
        switch self {
        case .gqa: return "GQA"
        case .coco: return "COCO"
        case .refcoco: return "RefCOCO"
        case .scienceqa: return "ScienceQA"
        case .ocrvqa: return "OCR-VQA"
        }
    }

    /// The version of this task's generator: part of every run configuration on it, so that runs on data an
    /// older generator drew are never reused. Bump it with every change to what the generator draws.
    /// ScienceQA 2: a third of the items need the picture (the `shape-picture` family).
    public var dataVersion: Int {
        switch self {
        case .scienceqa: return 2
        default: return 1
        }
    }

    /// Declaration order.
    public static func < (a: TaskKind, b: TaskKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
