import Federated

/// Communication rounds of every run of the study (default: `RunDefaults.rounds`, the paper's 3).
public struct Rounds: StudyComponent, Hashable, Sendable {
    public let count: Int

    public init(_ count: Int) { self.count = count }

    public var parts: [StudyPart] { [.rounds(count)] }
}
