/// Marks a study that cannot run yet; validation fails with `reason` instead of running something else.
public struct Unavailable: StudyComponent, Hashable, Sendable {
    /// Why the study cannot run.
    public let reason: String

    /// A study part that fails validation with `reason`.
    public init(_ reason: String) { self.reason = reason }

    public var parts: [StudyPart] { [.unavailable(reason)] }
}
