/// One score: a number, or a list of numbers for BLEU-1…4. Encodes to JSON as a number or an array.
public enum ScoreValue: Equatable, Sendable, Encodable {
    case number(Double)
    /// Several numbers (BLEU-1…4).
    case numbers([Double])

    /// The numbers, one for `number`.
    public var values: [Double] {
        switch self {
        case .number(let value): [value]
        case .numbers(let values): values
        }
    }

    /// Encodes as a bare number or an array of numbers.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .numbers(let values): try container.encode(values)
        }
    }
}
