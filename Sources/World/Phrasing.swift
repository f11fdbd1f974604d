import Tensors

/// Small helpers the task generators share for wording.
enum Phrasing {
    /// Number words for counts.
    static let numbers = ["zero", "one", "two", "three", "four", "five", "six"]

    /// A uniformly chosen element.
    static func pick<T>(_ items: [T], _ rng: inout RandomStream) -> T {
        items[rng.nextInt(below: items.count)]
    }

    /// "a", "a and b", "a , b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: " , ") + " and " + items.last!
        }
    }

    /// "(A) circle (B) square …": `words` labelled with the option letters in order.
    static func options(_ words: [String]) -> String {
        words.enumerated().map { "(\(Lexicon.letters[$0.offset])) \($0.element)" }.joined(separator: " ")
    }

    /// The adjective for a background style.
    static func background(_ style: BackgroundStyle) -> String {
        switch style {
        case .plain: return "plain"
        case .gradient: return "shaded"
        case .noise: return "noisy"
        case .stripes: return "striped"
        }
    }

    /// Elements in a random order (Fisher–Yates).
    static func shuffled<T>(_ items: [T], _ rng: inout RandomStream) -> [T] { rng.shuffled(items) }
}
