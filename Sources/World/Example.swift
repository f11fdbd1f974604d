/// One instruction-tuning example: a picture, an instruction, the answer to learn and the references to score against.
public struct Example: Codable, Hashable, Sendable {
    /// Unique within its data set, e.g. "gqa-000123".
    public let id: String
    public let task: TaskKind
    /// What the picture shows (kept so that questions can be checked against it).
    public let scene: Scene
    /// The instruction, in the tokenizer's canonical spacing (`Tokenizer.canonical`).
    public let instruction: String
    /// The training target.
    public let answer: String
    /// What a prediction is scored against: several captions for COCO, the answer otherwise.
    public let references: [String]
    /// Question type or scene style: what non-IID splits skew.
    public let category: Int

    public init(id: String, task: TaskKind, scene: Scene, instruction: String, answer: String, references: [String], category: Int) {
        self.id = id
        self.task = task
        self.scene = scene
        self.instruction = Tokenizer.canonical(instruction)
        self.answer = Tokenizer.canonical(answer)
        self.references = references.map(Tokenizer.canonical)
        self.category = category
    }

    /// The rendered picture.
    public var image: RGBImage { SceneRenderer.render(scene) }
}
