import Foundation

extension BoundingBox {
    /// The characters a coordinate may use: decimal digits, sign, point and exponent (no hex, `inf` or `nan`).
    static let numberCharacters = Set("0123456789+-.eE")

    /// Parses a model's box answer `"[x1, y1, x2, y2]"`; nil (scored as wrong) for anything else.
    ///
    /// Accepted: optional whitespace around the whole text, around each number and between the
    /// brackets and the numbers (`"[1,2,3,4]"`, `" [ 0.5 , 1e2, -3, 4. ] "`). Each number is a decimal
    /// literal with optional sign, fraction and exponent. Rejected: a missing bracket, anything before
    /// or after the brackets, not exactly four numbers (an empty slot counts: `"[1,2,3,]"`), hex,
    /// `inf`, `nan`, and literals that overflow to infinity. Reversed corners parse; they score IoU 0.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("["), trimmed.hasSuffix("]"), trimmed.count >= 2 else { return nil }
        let fields = trimmed.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
        var corners: [Double] = []
        for field in fields {
            let literal = field.trimmingCharacters(in: .whitespacesAndNewlines)
            guard literal.allSatisfy(Self.numberCharacters.contains), let value = Double(literal) else { return nil }
            corners.append(value)
        }
        self.init(corners: corners)
    }
}
