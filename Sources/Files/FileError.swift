/// A plain file operation that failed: the file, what we were doing, and the system's reason.
public struct FileError: Error, CustomStringConvertible, Equatable {
    public let path: String
    /// What we were doing ("flush", "move into place", ...).
    public let operation: String
    /// The system's explanation (strerror).
    public let reason: String

    public init(path: String, operation: String, reason: String) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }

    /// One line for the user.
    public var description: String { "\(path): cannot \(operation): \(reason)" }
}
