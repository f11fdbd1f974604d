/// The option letter in a ScienceQA answer, found as LLaVA's `llava/eval/eval_science_qa.py` finds it.
///
/// The rules, tried in order on the raw text (no trimming, case-sensitive, positions counted in
/// Unicode scalars as Python counts characters):
/// 1. the whole text is one of the option letters `A`…`E`;
/// 2. the text starts with an option letter followed by `". "` (`"B. a lion"`);
/// 3. the text contains exactly one match of the regular expression `The answer is ([A-Z]).`, and the
///    captured letter is an option letter.
/// Anything else fails and is scored as wrong.
///
/// Surprises in LLaVA's rule 3 that this reproduces: the `.` is a regex wildcard, not a full stop, so
/// `"The answer is Apple"` yields `A`, while `"The answer is B"` at the very end of the text (nothing
/// after the letter) and `"The answer is B\n"` fail; two matches (`"The answer is A. The answer is B."`)
/// fail even when they agree; a captured letter beyond `E` fails.
public enum ScienceQALetter {
    /// The option letters LLaVA accepts (its `--options` default).
    public static let options: [String] = ["A", "B", "C", "D", "E"]

    private static let answerPrefix = Array("The answer is ".unicodeScalars)

    /// The option letter `answer` names, or nil when LLaVA's rules find none.
    public static func extract(from answer: String) -> String? {
        if options.contains(answer) { return answer }
        let scalars = Array(answer.unicodeScalars)
        if scalars.count >= 3, options.contains(String(scalars[0])), scalars[1] == ".", scalars[2] == " " {
            return String(scalars[0])
        }
        let letters = answerPatternMatches(in: scalars)
        guard letters.count == 1, options.contains(letters[0]) else { return nil }
        return letters[0]
    }

    /// Whether the letter extracted from `prediction` is one of `references`.
    public static func isCorrect(_ prediction: String, references: [String]) -> Bool {
        guard let letter = extract(from: prediction) else { return false }
        return references.contains(letter)
    }

    /// The fraction of items whose extracted letter matches the reference, and 1 or 0 per item.
    ///
    /// - Precondition: `predictions` and `references` have the same ids, and there is at least one.
    public static func score(predictions: [String: String], references: [String: [String]]) -> CorpusScore<Double> {
        CorpusScore.accuracy(predictions: predictions, references: references, isCorrect: isCorrect)
    }

    /// The captured letters of Python's `re.findall(r'The answer is ([A-Z]).', text)`: non-overlapping
    /// matches, left to right, each "The answer is ", an ASCII capital, and any one character but `\n`.
    private static func answerPatternMatches(in scalars: [Unicode.Scalar]) -> [String] {
        let matchLength = answerPrefix.count + 2
        var letters: [String] = []
        var start = 0
        while start + matchLength <= scalars.count {
            let letter = scalars[start + answerPrefix.count]
            if scalars[start..<start + answerPrefix.count].elementsEqual(answerPrefix),
               ("A"..."Z").contains(letter), scalars[start + matchLength - 1] != "\n" {
                letters.append(String(letter))
                start += matchLength
            } else {
                start += 1
            }
        }
        return letters
    }
}
