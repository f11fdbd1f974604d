import Tensors

/// Generic image–text data of the synthetic world for building the pretrained base (DESIGN §7).
///
/// Like LLaVA's alignment data it pairs pictures with exhaustive descriptions, in a fixed format of
/// its own: every object with its size, colour, shape and place, the background, and the text on
/// a sign when there is one. Its pictures come from their own random stream, never from the tasks'
/// training sets, and it asks no task's questions.
public enum PretrainCorpus {
    /// A pretraining pair.
    public struct Sample: InstructionSample, Hashable, Sendable {
        /// What the picture shows.
        public let scene: Scene
        /// "list everything in the picture ."
        public let instruction: String
        /// The exhaustive description.
        public let answer: String
    }

    /// Sample `index` of the corpus of stream `rng`.
    public static func sample(_ index: Int, rng: RandomStream) -> Sample {
        var stream = rng.split(UInt64(index))
        let word: String? = stream.nextInt(below: 2) == 0 ? Phrasing.pick(Lexicon.signWords, &stream) : nil
        let scene = SceneGenerator.scene(objectCount: 1 + stream.nextInt(below: word == nil ? 4 : 3), signWord: word, rng: &stream)
        let instruction = Phrasing.pick(["list everything in the picture .", "list what you see ."], &stream)
        return Sample(scene: scene, instruction: Tokenizer.canonical(instruction), answer: description(of: scene))
    }

    /// "noisy background . small red circle at the top left . sign says book ."
    public static func description(of scene: Scene) -> String {
        var parts = ["\(Phrasing.background(scene.background)) background"]
        parts += scene.objects.map { "\($0.fullName) at the \($0.cell.phrase)" }
        if let sign = scene.sign { parts.append("sign says \(sign.word)") }
        return Tokenizer.canonical(parts.joined(separator: " . ") + " .")
    }
}
