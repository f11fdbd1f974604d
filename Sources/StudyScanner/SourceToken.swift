/// A token of Swift source as the study scanner sees it: a word or one punctuation character.
///
/// Comments, whitespace and string literals produce no tokens.
public enum SourceToken: Hashable, Sendable {
    /// An identifier or keyword (backquotes removed), or a number.
    case word(String)
    /// Any other single character.
    case punctuation(Character)
}
