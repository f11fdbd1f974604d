import World

/// Why a study cannot run: the study's name and the problem, found before any compute.
public struct StudyError: Error, Hashable, CustomStringConvertible {
    public let study: String
    public let problem: Problem

    public init(study: String, problem: Problem) {
        self.study = study
        self.problem = problem
    }

    /// What can be wrong with a study.
    public enum Problem: Hashable, Sendable, CustomStringConvertible {
        /// The name cannot name a directory.
        case invalidName
        /// Another study has the same name.
        case duplicateStudyName
        case noRows
        /// Neither a table nor a figure.
        case noOutputs
        /// Two rows share a label.
        case duplicateRowLabel(String)
        /// Two figures share a file name, or a figure's name cannot name a file.
        case invalidFigureName(String)
        /// More than one table (a study renders one `table.md`).
        case severalTables(Int)
        /// A figure names a task the scenario does not have.
        case unknownTask(TaskKind, scenario: ScenarioKind)
        /// A figure names a row the study does not declare.
        case unknownRow(String, figure: String)
        /// A row's top-k is outside 1…clients.
        case topKOutOfRange(row: String, k: Int, clients: Int)
        /// A top-k figure without rows that aggregate by top-k.
        case noTopKRows(figure: String)
        case nonPositiveSeeds(Int)
        /// `Seeds(_, bases:)` or `--bases` below 1.
        case nonPositiveBases(Int)
        case nonPositiveRounds(Int)
        /// Zero or negative clients per task.
        case nonPositiveClients(Int)
        /// A Dirichlet split with α ≤ 0 or not finite.
        case invalidSplit(Double)
        /// `Seeds` or `Rounds` given twice.
        case repeatedSetting(String)
        /// The study cannot run yet.
        case unavailable(String)
        /// `--study` names no study.
        case unknownStudy(known: [String])

        /// One line.
        public var description: String {
            switch self {
            case .invalidName: return "the name must be made of a-z, 0-9, '-' and '_'"
            case .duplicateStudyName: return "another study has the same name"
            case .noRows: return "the study declares no rows"
            case .noOutputs: return "the study declares neither a table nor a figure"
            case let .duplicateRowLabel(label): return "row label '\(label)' is used more than once"
            case let .invalidFigureName(name): return "figure name '\(name)' is used twice or cannot name a file"
            case let .severalTables(n): return "\(n) tables declared; a study renders one table.md"
            case let .unknownTask(task, scenario):
                return "unknown task '\(task.rawValue)': the \(scenario.rawValue) scenario has \(scenario.tasks.map(\.rawValue).joined(separator: ", "))"
            case let .unknownRow(label, figure): return "figure '\(figure)' names row '\(label)', which the study does not declare"
            case let .topKOutOfRange(row, k, clients): return "row '\(row)': top-k \(k) must be between 1 and the \(clients) clients"
            case let .noTopKRows(figure): return "figure '\(figure)' needs rows whose text aggregation is top-k"
            case let .nonPositiveSeeds(n): return "seeds must be at least 1, got \(n)"
            case let .nonPositiveBases(n): return "bases must be at least 1, got \(n)"
            case let .nonPositiveRounds(n): return "rounds must be at least 1, got \(n)"
            case let .nonPositiveClients(n): return "clients per task must be at least 1, got \(n)"
            case let .invalidSplit(alpha): return "Dirichlet α must be positive and finite, got \(alpha)"
            case let .repeatedSetting(what): return "\(what) is given more than once"
            case let .unavailable(reason): return reason
            case let .unknownStudy(known): return "no such study (known: \(known.joined(separator: ", ")))"
            }
        }
    }

    /// "study NAME: problem".
    public var description: String { "study \(study): \(problem)" }
}
