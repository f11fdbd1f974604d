import Federated

/// A study: a scenario, rows (methods and their settings), seeds and the table and figures to render.
///
/// An inert value, like a page in JohnSundell/Plot: building it runs nothing. `StudyPlan` expands
/// it into runs, `StudyExecutor` runs them and `StudyRenderer` draws its outputs from their
/// checkpoints.
///
/// ```swift
/// extension Studies {
///     static let topK = Study("topk", title: "Top-k of the text aggregation", scenario: .visual) {
///         for k in [4, 6, 8] { Row("k = \(k)", .pilot { $0.textAggregation = .nearest(k: k) }) }
///         Table(.perTask)
///         Figure(.topKLine)
///     }
/// }
/// ```
public struct Study: Hashable, Sendable {
    /// Short name: the output directory and the `--study` argument.
    public let name: String
    /// The caption of its table.
    public let title: String
    /// The data every run uses.
    public let scenario: StudyScenario
    /// Rows in declaration order.
    public let rows: [Row]
    /// Training seeds per row and base (default `Seeds.standard`).
    public let seeds: Int
    /// Pretrained bases every seed runs on (default 1).
    public let bases: Int
    /// Communication rounds per run (default `RunDefaults.rounds`).
    public let rounds: Int
    /// The tables it renders (validation allows one).
    public let tables: [Table]
    public let figures: [Figure]
    /// Per `Tune` group, in declaration order: its name and the setting `Tuned` records for it.
    public let tuningGroups: [TuningGroup]
    /// Problems the builder saw (a setting given twice, an unavailable part), reported by validation.
    let assemblyProblems: [StudyError.Problem]

    /// A study named `name` on `scenario`, with the rows, settings and outputs `content` declares.
    public init(_ name: String, title: String, scenario: StudyScenario = .visual, @StudyBuilder _ content: () -> [StudyPart]) {
        self.name = name
        self.title = title
        self.scenario = scenario
        var rows: [Row] = [], tables: [Table] = [], figures: [Figure] = [], problems: [StudyError.Problem] = []
        var seeds: [(count: Int, bases: Int)] = [], rounds: [Int] = [], groups: [TuningGroup] = []
        for part in content() {
            switch part {
            case let .row(row): rows.append(row)
            case let .seeds(n, bases): seeds.append((n, bases))
            case let .rounds(n): rounds.append(n)
            case let .table(table): tables.append(table)
            case let .figure(figure): figures.append(figure)
            case let .unavailable(reason): problems.append(.unavailable(reason))
            case let .tuned(name, recorded): groups.append(TuningGroup(name: name, recorded: recorded))
            }
        }
        if seeds.count > 1 { problems.append(.repeatedSetting("Seeds")) }
        if rounds.count > 1 { problems.append(.repeatedSetting("Rounds")) }
        self.rows = rows
        self.tables = tables
        self.figures = figures
        tuningGroups = groups
        self.seeds = seeds.last?.count ?? Seeds.standard
        self.bases = seeds.last?.bases ?? 1
        self.rounds = rounds.last ?? RunDefaults.rounds
        assemblyProblems = problems
    }

    public func row(_ label: String) -> Row? { rows.first { $0.label == label } }

    /// Whether this study searches settings on validation data (`Tune`) rather than reporting results.
    public var isTuning: Bool { !tuningGroups.isEmpty }
}
