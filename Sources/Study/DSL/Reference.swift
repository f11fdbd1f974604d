import Federated

/// A reference row, such as the paper's centralized training: shown apart, never marked best.
public struct Reference: StudyComponent, Hashable, Sendable {
    /// The row.
    public let row: Row

    /// A reference row labelled `label` that runs `method`.
    public init(_ label: String, _ method: Method) { row = Row(label, method, isReference: true) }

    /// The reference row.
    public var parts: [StudyPart] { [.row(row)] }
}
