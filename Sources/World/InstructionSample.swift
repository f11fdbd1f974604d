/// Anything a model can be trained on: a picture, an instruction and the answer to produce.
public protocol InstructionSample {
    /// What the picture shows.
    var scene: Scene { get }
    var instruction: String { get }
    /// The answer to learn.
    var answer: String { get }
}

extension Example: InstructionSample {}
