/// The answer normalisation behind exact-match accuracy, after LLaVA's GQA evaluation.
///
/// LLaVA's `scripts/convert_gqa_for_eval.py` keeps `text.rstrip('.').lower()` of each prediction.
/// This does the same and a little more, in this order:
/// 1. runs of whitespace (spaces, tabs, newlines, any Unicode white space) become one space, and
///    leading and trailing whitespace is removed;
/// 2. every trailing full stop is removed (`rstrip('.')`: `"yes..."` → `"yes"`), then any whitespace
///    this exposes (`"yes ."` → `"yes"`);
/// 3. the result is lower-cased (`String.lowercased()`, Unicode-aware like Python's `lower()`).
///
/// Nothing else is touched: no articles, no other punctuation, no number words (this is not the
/// VQAv2 normaliser). The same function is applied to predictions and references.
public enum AnswerNormalizer {
    /// The normalised form of `answer` (see the type's documentation for the exact steps).
    public static func normalize(_ answer: String) -> String {
        var text = answer.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while text.last == "." { text.removeLast() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return text.lowercased()
    }
}
