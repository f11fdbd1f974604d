import Tensors

/// Text-only data of the world for the base's language stage (the Vicuna analog of docs/design.md).
///
/// LLaVA's language model arrives pretrained on text and brings skills no picture teaches; the one
/// the tasks need and pictures cannot give is answering a multiple-choice question with the letter
/// of the option that names a word. Its items are generic exam-style texts over the world's words
/// in two layouts (options before or after the question), never a task's template; an item asks
/// one to all of its options in turn, answered inline, the last after `<answer>`.
public enum LanguageCorpus {
    /// The words its items list: the world's attribute and place words and the sign words, sorted, once.
    static let optionWords = Array(Set(ObjectColor.allCases.map(\.rawValue) + ObjectShape.allCases.map(\.rawValue)
                                       + GridCell.placeWords + ObjectSize.allCases.map(\.rawValue) + Lexicon.signWords)).sorted()

    /// Item `index` of the stream `rng`: the text up to the last question, and that question's letter.
    /// `questions` fixes how many options are asked (nil: 1 to all, drawn).
    public static func item(_ index: Int, rng: RandomStream, questions: Int? = nil) -> (instruction: String, answer: String) {
        var stream = rng.split(UInt64(index))
        let words = Array(Phrasing.shuffled(optionWords, &stream).prefix(3 + stream.nextInt(below: 2)))
        let asked = Array(Phrasing.shuffled(Array(words.indices), &stream).prefix(questions ?? (1 + stream.nextInt(below: words.count))))
        let listed = Phrasing.options(words)
        let phrase = Phrasing.pick(["which option says", "which one is"], &stream)
        let optionsFirst = stream.nextInt(below: 2) == 0
        var text = optionsFirst ? "pick one : \(listed) ." : "\(phrase) \(words[asked[0]]) ? \(listed) ."
        for (n, i) in asked.enumerated() where n > 0 || optionsFirst {
            if n > 0 { text += " \(Lexicon.letters[asked[n - 1]]) ." }
            text += " \(phrase) \(words[i]) ?"
        }
        return (Tokenizer.canonical(text), Lexicon.letters[asked.last!])
    }
}
