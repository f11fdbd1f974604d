/// The paper's two scenarios: which three tasks the clients hold.
public enum ScenarioKind: String, CaseIterable, Codable, Hashable, Sendable {
    /// Visual understanding: GQA, COCO Caption, RefCOCO (Table 1).
    case visual
    /// General VQA: GQA, ScienceQA, OCR-VQA (Table 2).
    case generalVQA = "general-vqa"

    /// The tasks, in the paper's column order.
    public var tasks: [TaskKind] {
        switch self {
        case .visual: return [.gqa, .coco, .refcoco]
        case .generalVQA: return [.gqa, .scienceqa, .ocrvqa]
        }
    }
}
