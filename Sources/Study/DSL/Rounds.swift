import Federated

/// Communication rounds of every run of the study (default: `RunDefaults.rounds`, the paper's 3).
public struct Rounds: StudyComponent, Hashable, Sendable {
    /// The number of rounds.
    public let count: Int

    /// `count` rounds.
    public init(_ count: Int) { self.count = count }

    /// The setting.
    public var parts: [StudyPart] { [.rounds(count)] }
}
