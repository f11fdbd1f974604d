/// One n-gram: its words joined by single spaces (words never contain whitespace, so this is unambiguous).
struct NGram: Hashable {
    /// The words joined by single spaces.
    let text: String
    /// How many words (1 for unigrams).
    let order: Int
}

/// How often each n-gram of orders 1…`maxOrder` occurs in one sentence: pycocoevalcap's `precook`.
struct NGramCounts {
    /// Occurrences of each n-gram.
    let counts: [NGram: Int]
    /// Number of words in the sentence.
    let wordCount: Int

    /// Counts the n-grams of `sentence`, split on whitespace as Python's `str.split()` does.
    init(_ sentence: String, maxOrder: Int) {
        let words = sentence.split(whereSeparator: \.isWhitespace)
        var counts: [NGram: Int] = [:]
        for order in 1...maxOrder where order <= words.count {
            for start in 0...(words.count - order) {
                counts[NGram(text: words[start..<start + order].joined(separator: " "), order: order), default: 0] += 1
            }
        }
        self.counts = counts
        self.wordCount = words.count
    }
}
