import Tensors

/// Generic image–text data of the synthetic world for building the pretrained base (docs/design.md).
///
/// Like LLaVA's alignment data it pairs pictures with exhaustive descriptions, here in a record
/// format of its own (so that the base does not already speak the captioning task's sentences):
/// every object's shape, colour, size and place, the background, and the text on a sign; beside
/// them short generic instructions (see `sample`). Its pictures come from their own random stream,
/// never from the tasks' training sets, and it asks no task's questions.
public enum PretrainCorpus {
    /// A pretraining pair.
    public struct Sample: InstructionSample, Hashable, Sendable {
        /// What the picture shows.
        public let scene: Scene
        /// The item's instruction, e.g. "list everything in the picture ." or "box of the small red circle ?".
        public let instruction: String
        /// Its answer: a name, a box, a record, an option letter or the exhaustive description.
        public let answer: String
        public let kind: Kind
    }

    /// The corpus's kinds of item.
    public enum Kind: Hashable, Sendable {
        /// "what is at the <cell> ?" → an object's full name or "nothing".
        case cell
        /// "box of the <full name> ?" → "[x1, y1, x2, y2]".
        case box
        /// "list the text in the picture ." → "sign: book." or "no text.".
        case reading
        /// A text-only multiple choice: the letter of the option that names a given word.
        case optionPointing
        /// "list everything in the picture ." → the record description.
        case description
        /// The kind draw: an eighth each cell, box and reading, a quarter option pointing (the letter
        /// skill is learnt slowest), three eighths descriptions.
        fileprivate static let drawn: [Kind] = [.cell, .box, .reading, .optionPointing, .optionPointing, .description, .description, .description]
    }

    /// Sample `index` of the corpus of stream `rng`.
    ///
    /// Three eighths are exhaustive descriptions (as LLaVA's alignment data), the rest short generic
    /// instructions so that the base follows instructions and stops after short answers, as an
    /// instruction-following LLM does before task tuning: what is in a grid cell; where an object
    /// is, as its box (grounded pretraining, as Shikra's and Kosmos-2's); the text in the picture, as a record; and a text-only
    /// multiple-choice item that points at the option naming a word (the option-letter skill an
    /// LLM brings from its own pretraining). Reading gets its own instruction because a sign word is
    /// one token of a long description, which the base does not learn to read from descriptions alone.
    public static func sample(_ index: Int, rng: RandomStream) -> Sample {
        var stream = rng.split(UInt64(index))
        let kind = Kind.drawn[stream.nextInt(below: Kind.drawn.count)]
        let hasSign = kind == .reading ? stream.nextInt(below: 4) != 0 : stream.nextInt(below: 2) == 0   // reading items mostly have text
        let word: String? = hasSign ? Phrasing.pick(Lexicon.signWords, &stream) : nil
        let scene = SceneGenerator.scene(objectCount: 1 + stream.nextInt(below: word == nil ? 4 : 3), signWord: word, rng: &stream)
        let (instruction, answer): (String, String)
        switch kind {
        case .cell:
            let cell = Phrasing.pick(GridCell.all, &stream)
            instruction = "what is at the \(cell.phrase) ?"
            answer = scene.objects.first { $0.cell == cell }?.fullName ?? "nothing"
        case .box:
            let object = Phrasing.pick(scene.objects, &stream)
            let unique = scene.objects.filter { $0.fullName == object.fullName }.count == 1
            instruction = "box of the \(object.fullName)" + (unique ? "" : " at the \(object.cell.phrase)") + " ?"
            answer = GroundingTask.box(of: object)
        case .reading:
            instruction = Phrasing.pick(["list the text in the picture .", "list any writing you see ."], &stream)
            answer = scene.sign.map { "sign : \($0.word) ." } ?? "no text ."
        case .optionPointing:
            (instruction, answer) = optionPointing(&stream)
        case .description:
            instruction = Phrasing.pick(["list everything in the picture .", "list what you see ."], &stream)
            answer = description(of: scene)
        }
        return Sample(scene: scene, instruction: Tokenizer.canonical(instruction), answer: Tokenizer.canonical(answer), kind: kind)
    }

    /// "pick one : (A) circle (B) square (C) triangle (D) cross . which option says square ?" → "B": one
    /// of the world's option lists (`ScienceQATask.optionLists`), in its order.
    ///
    /// So there are 8 distinct items, and the letter is a fixed code of the asked word (square → B,
    /// blue → C), which the base learns; with shuffled words, where the letter has to be found by
    /// pointing, it does not, and tuning does not learn ScienceQA.
    static func optionPointing(_ rng: inout RandomStream) -> (String, String) {
        let words = Phrasing.pick(ScienceQATask.optionLists, &rng)
        let asked = rng.nextInt(below: words.count)
        return ("pick one : \(Phrasing.options(words)) . which option says \(words[asked]) ?", Lexicon.letters[asked])
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
