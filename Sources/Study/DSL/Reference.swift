import Federated

/// A reference row, such as the paper's centralized training: shown apart, never marked best.
public struct Reference: StudyComponent, Hashable, Sendable {
    public let row: Row

    /// A reference row labelled `label` that runs `method` (at `learningRate` when given).
    public init(_ label: String, _ method: Method, learningRate: Float? = nil) {
        row = Row(label, method, isReference: true, learningRate: learningRate)
    }

    /// `row`'s setting as a reference row under its own label.
    public init(_ row: Row) { self.row = row.labelled(row.label, isReference: true) }

    public var parts: [StudyPart] { [.row(row)] }
}
