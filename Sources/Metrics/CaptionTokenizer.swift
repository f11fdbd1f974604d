/// Lower-cases a caption and drops punctuation, standing in for pycocoevalcap's `PTBTokenizer`.
///
/// pycocoevalcap runs the Stanford PTB tokenizer (Java) with `-lowerCase` and then drops every token
/// in its `PUNCTUATIONS` list: `''  '  ``  `  -LRB-  -RRB-  -LCB-  -RCB-  .  ?  !  ,  :  -  --  ...  ;`.
/// Without Java, this keeps the effect of that list on ordinary captions:
/// 1. lower-case the text (`String.lowercased()`);
/// 2. split it on whitespace;
/// 3. strip from both ends of each word the characters PTB turns into those tokens,
///    `' " ` . ? ! , : ; -` and the brackets `( ) { }`;
/// 4. drop words left empty, and join the rest with single spaces.
///
/// Where it differs from PTB: clitics stay attached (`dog's`, `don't`, where PTB gives `dog 's`,
/// `do n't`), punctuation inside a word stays (`a,b` stays one word), and square brackets are kept
/// (PTB turns them into `-LSB-`/`-RSB-`, which are not in the list and so survive there too).
/// `scripts/make_metric_vectors.py` applies this same function before calling pycocoevalcap, so
/// the metric vectors compare the scorers on identical tokens.
public enum CaptionTokenizer {
    /// The characters stripped from the ends of each word.
    public static let punctuation: Set<Character> = ["'", "\"", "`", ".", "?", "!", ",", ":", ";", "-", "(", ")", "{", "}"]

    /// `caption` lower-cased, punctuation stripped, words separated by single spaces.
    public static func tokenize(_ caption: String) -> String {
        words(caption).joined(separator: " ")
    }

    /// The words of `caption` after lower-casing and stripping punctuation.
    public static func words(_ caption: String) -> [String] {
        caption.lowercased().split(whereSeparator: \.isWhitespace).compactMap { word in
            guard let first = word.firstIndex(where: { !punctuation.contains($0) }),
                  let last = word.lastIndex(where: { !punctuation.contains($0) }) else { return nil }
            return String(word[first...last])
        }
    }
}
