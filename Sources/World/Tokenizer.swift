/// Word-level tokenizer over the world's closed vocabulary, with special tokens for answers and unknown words.
///
/// Text is split into numbers (`0.35`), words (letters) and single punctuation marks; whitespace
/// separates. A word is looked up as written, then lower-cased; anything else becomes `<unk>`.
/// The vocabulary is deterministic: specials, punctuation, option letters, the lexicon sorted,
/// then the box coordinates.
public struct Tokenizer: Sendable {
    /// Padding (never a target).
    public static let pad: Int32 = 0
    /// A word outside the vocabulary.
    public static let unknown: Int32 = 1
    /// Marks where the answer starts: the model predicts the answer after it.
    public static let answerStart: Int32 = 2
    /// Ends an answer; generation stops here.
    public static let end: Int32 = 3
    /// The special tokens' spellings, in id order.
    public static let specials = ["<pad>", "<unk>", "<answer>", "<end>"]

    /// Token spellings by id.
    public let vocabulary: [String]
    private let ids: [String: Int32]

    /// The tokenizer of the synthetic world.
    public init() {
        vocabulary = Self.specials + Lexicon.punctuation + Lexicon.letters + Lexicon.words + Lexicon.coordinates
        var ids: [String: Int32] = [:]
        for (i, token) in vocabulary.enumerated() {
            precondition(ids[token] == nil, "token '\(token)' appears twice in the vocabulary")
            ids[token] = Int32(i)
        }
        self.ids = ids
    }

    /// Number of tokens.
    public var count: Int { vocabulary.count }

    /// The pieces `text` splits into, before lookup.
    public static func pieces(_ text: String) -> [String] {
        var out: [String] = [], current = "", kind = 0          // kind: 0 none, 1 word, 2 number
        func flush() { if !current.isEmpty { out.append(current) }; current = ""; kind = 0 }
        for ch in text {
            if ch.isWhitespace { flush(); continue }
            if ch.isLetter {
                if kind != 1 { flush(); kind = 1 }
                current.append(ch)
            } else if ch.isNumber || (ch == "." && kind == 2) {
                if kind != 2 { flush(); kind = 2 }
                current.append(ch)
            } else {
                flush(); out.append(String(ch))
            }
        }
        flush()
        // A number never ends with its point: "0.5." is "0.5" then ".".
        return out.flatMap { p -> [String] in
            p.count > 1 && p.last == "." && p.first!.isNumber ? [String(p.dropLast()), "."] : [p]
        }
    }

    /// Token ids of `text`; unknown pieces become `<unk>`.
    public func encode(_ text: String) -> [Int32] {
        Self.pieces(text).map { ids[$0] ?? ids[$0.lowercased()] ?? Self.unknown }
    }

    /// The pieces of `text` outside the vocabulary.
    public func unknownPieces(_ text: String) -> [String] {
        Self.pieces(text).filter { ids[$0] == nil && ids[$0.lowercased()] == nil }
    }

    /// Readable text of token ids: specials dropped (except `<unk>`), spaced as `join(_:)` does.
    public func decode(_ tokens: [Int32]) -> String {
        Self.join(tokens.compactMap { id -> String? in
            guard id >= 0, Int(id) < vocabulary.count, id != Self.pad, id != Self.answerStart, id != Self.end else { return nil }
            return vocabulary[Int(id)]
        })
    }

    /// Pieces joined by single spaces, except none before closing marks (. , ? : ; ) ]) and none after ( and [.
    public static func join(_ pieces: [String]) -> String {
        var text = "", openBefore = true
        for piece in pieces {
            let closing = [".", ",", "?", ":", ";", ")", "]"].contains(piece)
            if !closing && !openBefore { text += " " }
            text += piece
            openBefore = piece == "(" || piece == "["
        }
        return text
    }

    /// The canonical spelling of `text`: its pieces joined as `decode` would print them.
    public static func canonical(_ text: String) -> String { join(pieces(text)) }

    /// Id of a token spelling, if it is in the vocabulary.
    public func id(of token: String) -> Int32? { ids[token] }
}
