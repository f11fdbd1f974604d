/// A sample as token ids: the prompt the model reads and the answer it must produce.
public struct EncodedSample: Hashable, Sendable {
    /// Instruction tokens followed by `<answer>`.
    public let prompt: [Int32]
    /// Answer tokens followed by `<end>`.
    public let answer: [Int32]

    public init(_ sample: some InstructionSample, tokenizer: Tokenizer) {
        prompt = tokenizer.encode(sample.instruction) + [Tokenizer.answerStart]
        answer = tokenizer.encode(sample.answer) + [Tokenizer.end]
    }

    /// The model's input: the prompt, then every answer token but the last (`<end>`).
    public var inputs: [Int32] { prompt + answer.dropLast() }

    /// What each input position must predict: nothing (`nil`) inside the instruction, the next answer token from `<answer>` on.
    public var targets: [Int32?] { Array(repeating: nil, count: prompt.count - 1) + answer.map { Optional($0) } }
}
