import Foundation
import Tensors

/// Generic image–text data of the synthetic world for building the pretrained base (DESIGN §7).
///
/// Like LLaVA's alignment data it pairs pictures with exhaustive descriptions, here in a record
/// format of its own (so that the base does not already speak the captioning task's sentences):
/// every object's shape, colour, size and place, the background, and the text on a sign. Its pictures come from their own random stream, never from the tasks'
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

    /// Sample `index` of the corpus of stream `rng`: half exhaustive descriptions, the rest short
    /// generic questions (what is in a grid cell; the centre of an object as two coordinates), so
    /// that the base follows instructions and stops after short answers, as an instruction-following
    /// LLM does before task tuning.
    public static func sample(_ index: Int, rng: RandomStream) -> Sample {
        var stream = rng.split(UInt64(index))
        let word: String? = stream.nextInt(below: 2) == 0 ? Phrasing.pick(Lexicon.signWords, &stream) : nil
        let scene = SceneGenerator.scene(objectCount: 1 + stream.nextInt(below: word == nil ? 4 : 3), signWord: word, rng: &stream)
        let (instruction, answer): (String, String)
        switch stream.nextInt(below: 4) {
        case 0:
            let cell = Phrasing.pick(GridCell.all, &stream)
            instruction = "what is at the \(cell.phrase) ?"
            answer = scene.objects.first { $0.cell == cell }?.fullName ?? "nothing"
        case 1:
            let object = Phrasing.pick(scene.objects, &stream)
            let c = object.center
            instruction = "center of the \(object.fullName) at the \(object.cell.phrase) ?"
            answer = "[" + [c.x, c.y].map { String(format: "%.2f", $0 / Double(Scene.side)) }.joined(separator: ", ") + "]"
        default:
            instruction = Phrasing.pick(["list everything in the picture .", "list what you see ."], &stream)
            answer = description(of: scene)
        }
        return Sample(scene: scene, instruction: Tokenizer.canonical(instruction), answer: Tokenizer.canonical(answer))
    }

    /// "background : noisy . circle : red , small , top left . sign : book ." — a record per thing, unlike any caption's wording.
    public static func description(of scene: Scene) -> String {
        var parts = ["background : \(Phrasing.background(scene.background))"]
        parts += scene.objects.map { "\($0.shape.rawValue) : \($0.color.rawValue) , \($0.size.rawValue) , \($0.cell.phrase)" }
        if let sign = scene.sign { parts.append("sign : \(sign.word)") }
        return Tokenizer.canonical(parts.joined(separator: " . ") + " .")
    }
}
