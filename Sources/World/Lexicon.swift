/// Every word the synthetic world's texts use: the closed set the tokenizer's vocabulary is made of.
public enum Lexicon {
    /// Words written on signs (OCR answers).
    public static let signWords = [
        "bear", "bird", "book", "cake", "corn", "door", "duck", "fish", "frog", "game", "gold", "hill",
        "iron", "jazz", "king", "kite", "lake", "lamp", "leaf", "milk", "mint", "moon", "nest", "note",
        "park", "quiz", "rose", "sand", "ship", "star", "tree", "wolf",
    ]

    /// Words of instructions, answers and descriptions (without the sign words).
    public static let words: [String] = {
        let world = ObjectShape.allCases.flatMap { [$0.rawValue, $0.plural] } + ObjectColor.allCases.map(\.rawValue)
            + ObjectSize.allCases.map(\.rawValue) + ["plain", "shaded", "noisy", "striped"]
            + GridCell.placeWords
            + ["zero", "one", "two", "three", "four", "five", "six"]
            + ["hot", "cold", "heavy", "magnetic", "soft", "wet", "sweet", "loud"]
        let function = [
            "a", "above", "and", "answer", "are", "at", "background", "below", "bounding", "box", "brief", "briefly",
            "can", "caption", "color", "contain", "context", "describe", "description", "does", "everything", "find", "for", "choose", "option", "show", "use", "best", "look",
            "front", "give", "ground", "have", "how", "image", "in", "is", "it", "its", "kind", "letter", "list",
            "locate", "many", "no", "nothing", "number", "object", "objects", "of", "on", "options", "picture", "question", "read",
            "say", "says", "scene", "see", "shape", "short", "sign", "text", "the", "there", "things", "this", "to",
            "what", "where", "which", "with", "word", "world", "write", "written", "yes", "you",
            "pick", "place", "size", "any", "writing",
        ]
        return Array(Set(world + function + signWords)).sorted()
    }()

    /// Punctuation marks, each its own token.
    public static let punctuation = [".", ",", "?", ":", ";", "(", ")", "[", "]"]

    /// Option letters (upper case, distinct from the word "a").
    public static let letters = ["A", "B", "C", "D"]

    /// "0.00", "0.01", ..., "1.00": the coordinates of normalised boxes.
    public static let coordinates: [String] = (0...100).map { i in i == 100 ? "1.00" : "0.\(i < 10 ? "0" : "")\(i)" }
}
