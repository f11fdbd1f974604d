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
        /// Which kind of item it is.
        public let kind: Kind
    }

    /// The corpus's kinds of item.
    public enum Kind: Int, Hashable, Sendable {
        /// "what is at the <cell> ?" → an object's full name or "nothing".
        case cell
        /// "center of the … ?" → "[x, y]".
        case centre
        /// "list the text in the picture ." → "sign: book." or "no text.".
        case reading
        /// A text-only multiple choice about word kinds → a letter.
        case wordChoice
        /// "list everything in the picture ." → the record description.
        case description
    }

    /// Sample `index` of the corpus of stream `rng`.
    ///
    /// Half are exhaustive descriptions (as LLaVA's alignment data), the rest short generic
    /// instructions so that the base follows instructions and stops after short answers, as an
    /// instruction-following LLM does before task tuning: what is in a grid cell; an object's
    /// centre as two coordinates; the text in the picture, as a record; and a text-only
    /// multiple-choice item about word kinds (the option-letter skill an LLM brings from its own
    /// pretraining). Reading gets its own instruction because a sign word is one token of a long
    /// description: measured with descriptions only, the `small` base named the sign word right in
    /// 1 % of held-out pictures (`BaseProbe`).
    public static func sample(_ index: Int, rng: RandomStream) -> Sample {
        var stream = rng.split(UInt64(index))
        let kind = Kind(rawValue: stream.nextInt(below: 8)) ?? .description   // half descriptions
        let hasSign = kind == .reading ? stream.nextInt(below: 4) != 0 : stream.nextInt(below: 2) == 0   // reading items mostly have text
        let word: String? = hasSign ? Phrasing.pick(Lexicon.signWords, &stream) : nil
        let scene = SceneGenerator.scene(objectCount: 1 + stream.nextInt(below: word == nil ? 4 : 3), signWord: word, rng: &stream)
        let (instruction, answer): (String, String)
        switch kind {
        case .cell:
            let cell = Phrasing.pick(GridCell.all, &stream)
            instruction = "what is at the \(cell.phrase) ?"
            answer = scene.objects.first { $0.cell == cell }?.fullName ?? "nothing"
        case .centre:
            let object = Phrasing.pick(scene.objects, &stream)
            let c = object.center
            instruction = "center of the \(object.fullName) at the \(object.cell.phrase) ?"
            answer = "[" + [c.x, c.y].map { String(format: "%.2f", $0 / Double(Scene.side)) }.joined(separator: ", ") + "]"
        case .reading:
            instruction = Phrasing.pick(["list the text in the picture .", "list any writing you see ."], &stream)
            answer = scene.sign.map { "sign : \($0.word) ." } ?? "no text ."
        case .wordChoice:
            (instruction, answer) = wordKindChoice(&stream)
        case .description:
            instruction = Phrasing.pick(["list everything in the picture .", "list what you see ."], &stream)
            answer = description(of: scene)
        }
        return Sample(scene: scene, instruction: Tokenizer.canonical(instruction), answer: Tokenizer.canonical(answer), kind: kind)
    }

    /// "pick one : (A) red (B) circle (C) top . which word is a color ?" → "A": one word of the asked kind among words of other kinds.
    static func wordKindChoice(_ rng: inout RandomStream) -> (String, String) {
        let kinds: [(String, [String])] = [
            ("color", ObjectColor.allCases.map(\.rawValue)), ("shape", ObjectShape.allCases.map(\.rawValue)),
            ("place", GridCell.placeWords), ("size", ObjectSize.allCases.map(\.rawValue)),
        ]
        let order = Phrasing.shuffled(Array(kinds.indices), &rng)
        let count = 3 + rng.nextInt(below: 2)
        let words = order.prefix(count).map { Phrasing.pick(kinds[$0].1, &rng) }
        let options = Phrasing.shuffled(Array(words.indices), &rng)
        let listed = options.enumerated().map { "(\(Lexicon.letters[$0.offset])) \(words[$0.element])" }.joined(separator: " ")
        let right = Lexicon.letters[options.firstIndex(of: 0)!]
        return ("pick one : \(listed) . which word is a \(kinds[order[0]].0) ?", right)
    }

    /// "background : noisy . circle : red , small , top left . sign : book ." — a record per thing, unlike any caption's wording.
    public static func description(of scene: Scene) -> String {
        var parts = ["background : \(Phrasing.background(scene.background))"]
        parts += scene.objects.map(record(of:))
        if let sign = scene.sign { parts.append("sign : \(sign.word)") }
        return Tokenizer.canonical(parts.joined(separator: " . ") + " .")
    }

    /// "circle: red, small, top left": one object's record in a description (canonical spelling).
    public static func record(of object: SceneObject) -> String {
        Tokenizer.canonical("\(object.shape.rawValue) : \(object.color.rawValue) , \(object.size.rawValue) , \(object.cell.phrase)")
    }
}
