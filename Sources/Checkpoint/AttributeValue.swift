import Foundation

/// A scalar attribute stored in an archive: an integer, a real number or a UTF-8 string (JSON included).
public enum AttributeValue: Equatable, Sendable {
    case int(Int64)
    case double(Double)
    /// A UTF-8 string (JSON documents are stored as strings).
    case string(String)

    public var intValue: Int64? { if case .int(let v) = self { return v } else { return nil } }
    /// The number, if this is one (integers convert).
    public var doubleValue: Double? {
        switch self {
        case .double(let v): return v
        case .int(let v): return Double(v)
        case .string: return nil
        }
    }
    public var stringValue: String? { if case .string(let v) = self { return v } else { return nil } }
}
