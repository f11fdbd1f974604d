import Tensors

/// Makes the examples of one task from a random stream.
public protocol TaskGenerator {
    /// Names of the categories (question types or scene styles) that `Example.category` indexes.
    static var categories: [String] { get }
    /// One example with identifier `id`, drawn from `rng`.
    static func example(id: String, rng: inout RandomStream) -> Example
}

extension TaskKind {
    /// The generator of this task's examples.
    public var generator: any TaskGenerator.Type {
        switch self {
        case .gqa: return GQATask.self
        case .coco: return CaptionTask.self
        case .refcoco: return GroundingTask.self
        case .scienceqa: return ScienceQATask.self
        case .ocrvqa: return OCRTask.self
        }
    }

    /// `count` examples of this task; example i depends only on (stream's key, i), never on `count`.
    public func examples(count: Int, prefix: String, rng: RandomStream) -> [Example] {
        (0..<count).map { i in
            var stream = rng.split(UInt64(i))
            return generator.example(id: "\(prefix)-\(String(format: "%06d", i))", rng: &stream)
        }
    }
}
