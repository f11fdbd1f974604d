/// Splits Swift source into `SourceToken`s, skipping comments (nested block comments too) and
/// string literals (single-line, multi-line, raw, with interpolations).
///
/// Not a Swift parser: enough to find declarations reliably in well-formed files.
struct SourceLexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private(set) var tokens: [SourceToken] = []

    /// Lexes `source`.
    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
        lexCode(untilClosingParenthesis: false)
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s == "_" || s.properties.isAlphabetic || ("0"..."9").contains(s)
    }

    /// Lexes code; inside an interpolation, stops after the `)` that closes it.
    private mutating func lexCode(untilClosingParenthesis: Bool) {
        var depth = 0
        while let s = peek() {
            if s == "/" && peek(1) == "/" {
                while let c = peek(), c != "\n" { position += 1; _ = c }
            } else if s == "/" && peek(1) == "*" {
                skipBlockComment()
            } else if s == "#" && (peek(1) == "\"" || peek(1) == "#") && rawStringHashes() != nil {
                let hashes = rawStringHashes()!
                position += hashes
                skipString(hashes: hashes)
            } else if s == "\"" {
                skipString(hashes: 0)
            } else if s == "`" {
                position += 1
                var word = ""
                while let c = peek(), c != "`", c != "\n" { word.unicodeScalars.append(c); position += 1 }
                position += 1
                tokens.append(.word(word))
            } else if Self.isWordScalar(s) {
                var word = ""
                while let c = peek(), Self.isWordScalar(c) { word.unicodeScalars.append(c); position += 1 }
                tokens.append(.word(word))
            } else if s.properties.isWhitespace {
                position += 1
            } else {
                position += 1
                if untilClosingParenthesis {
                    if s == "(" { depth += 1 }
                    if s == ")" { if depth == 0 { return }; depth -= 1 }
                }
                tokens.append(.punctuation(Character(s)))
            }
        }
    }

    /// The number of `#` before a quote at the current position, or nil when this is no raw string.
    private func rawStringHashes() -> Int? {
        var n = 0
        while peek(n) == "#" { n += 1 }
        return peek(n) == "\"" ? n : nil
    }

    /// Skips `/* … */`, nested.
    private mutating func skipBlockComment() {
        var depth = 0
        while let s = peek() {
            if s == "/" && peek(1) == "*" { depth += 1; position += 2; continue }
            if s == "*" && peek(1) == "/" { depth -= 1; position += 2; if depth == 0 { return }; continue }
            position += 1
        }
    }

    /// Skips a string literal starting at its opening quote, preceded by `hashes` `#` (already skipped).
    private mutating func skipString(hashes: Int) {
        let multiline = peek(1) == "\"" && peek(2) == "\""
        position += multiline ? 3 : 1
        let delimiter = multiline ? 3 : 1
        while let s = peek() {
            if s == "\\" {
                var n = 0
                while n < hashes && peek(1 + n) == "#" { n += 1 }
                if n == hashes {
                    position += 1 + hashes
                    if peek() == "(" {
                        position += 1
                        let kept = tokens.count
                        lexCode(untilClosingParenthesis: true)     // an interpolation: code that may hold strings and parentheses
                        tokens.removeSubrange(kept...)
                    } else {
                        position += 1
                    }
                    continue
                }
                position += 1
                continue
            }
            if s == "\"" && (0..<delimiter).allSatisfy({ peek($0) == "\"" }) && (0..<hashes).allSatisfy({ peek(delimiter + $0) == "#" }) {
                position += delimiter + hashes
                return
            }
            if s == "\n" && !multiline { position += 1; return }
            position += 1
        }
    }
}
