import World

/// A figure a study renders (`<name>.{dat,gp,png,svg}`), declared as an inert value.
public struct Figure: StudyComponent, Hashable, Sendable {
    /// What the figure shows.
    public enum Kind: Hashable, Sendable {
        /// Per client, one bar per row (Tables 1–2).
        case clientBars
        /// The mean client score after every round, one line per row.
        case roundCurves
        /// Per task, the average over its clients, one bar per row (ablations).
        case taskBars
        /// Per task, the average against the top-k of the rows that aggregate text adapters by top-k (Table 5).
        case topKLine
        /// Per task, the average against a cost measure, one labelled point per row (Table 4).
        case cost(CostMeasure)
        /// Per task, `row`'s average minus `baseline`'s, with a zero line (Figure 1(b)).
        case difference(row: String, baseline: String)

        public var defaultName: String {
            switch self {
            case .clientBars: return "clients"
            case .roundCurves: return "rounds"
            case .taskBars: return "tasks"
            case .topKLine: return "topk"
            case let .cost(measure): return "cost-\(measure.rawValue.lowercased())"
            case .difference: return "difference"
            }
        }
    }

    public var kind: Kind
    /// File name without extension; unique within the study.
    public var name: String
    /// The tasks it shows (nil: every task of the scenario).
    public var tasks: [TaskKind]?

    /// A figure of `kind`, named `name` (default: the kind's), restricted to `tasks` when given.
    public init(_ kind: Kind, name: String? = nil, tasks: [TaskKind]? = nil) {
        self.kind = kind
        self.name = name ?? kind.defaultName
        self.tasks = tasks
    }

    public var parts: [StudyPart] { [.figure(self)] }
}
