/// Why a study's outputs cannot be rendered.
public enum RenderError: Error, CustomStringConvertible {
    /// Runs the studies need are missing or incomplete in the runs directory.
    case missingRuns(directory: String, total: Int, missing: [MissingRun])
    /// A figure plots a cost the runs do not record.
    case costNotRecorded(study: String, figure: String, measure: CostMeasure)

    /// One line.
    public var description: String {
        switch self {
        case let .missingRuns(directory, total, missing):
            let shown = missing.prefix(3).map { "\($0)" }.joined(separator: "; ")
            let more = missing.count > 3 ? "; and \(missing.count - 3) more" : ""
            return "\(missing.count) of \(total) runs in \(directory) are missing or incomplete: \(shown)\(more) (train them with `pilot study run` and the same --scale, --seeds and --bases)"
        case let .costNotRecorded(study, figure, measure):
            return "study \(study): figure '\(figure)' plots \(measure.rawValue), which the runs do not record"
        }
    }
}

/// A run rendering needs but cannot use.
public struct MissingRun: Hashable, Sendable, CustomStringConvertible {
    /// Its directory name.
    public let run: String
    /// Who needs it.
    public let uses: [RunUse]
    /// What is wrong: no checkpoint, rounds missing, unreadable, another configuration.
    public let reason: String

    /// "pilot-visual-seed0-1a2b3c4d (table1/Pilot seed 0): no run.h5".
    public var description: String { "\(run) (\(uses.map(\.description).joined(separator: ", "))): \(reason)" }
}
