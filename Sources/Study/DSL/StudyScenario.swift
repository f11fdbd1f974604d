import World

/// The data a study runs on: one of the paper's scenarios, clients per task and the split.
public struct StudyScenario: Codable, Hashable, Sendable {
    /// Which tasks.
    public var kind: ScenarioKind
    /// Clients per task (the paper: 3).
    public var clientsPerTask: Int
    /// How each data set is divided among its clients.
    public var split: ClientSplit

    /// A scenario; the paper's: 3 clients per task, IID.
    public init(_ kind: ScenarioKind, clientsPerTask: Int = 3, split: ClientSplit = .iid) {
        self.kind = kind
        self.clientsPerTask = clientsPerTask
        self.split = split
    }

    /// Visual understanding: GQA, COCO, RefCOCO, 3 clients each (Table 1).
    public static let visual = StudyScenario(.visual)
    /// General VQA: GQA, ScienceQA, OCR-VQA, 3 clients each (Table 2).
    public static let generalVQA = StudyScenario(.generalVQA)

    /// The tasks, in the paper's column order.
    public var tasks: [TaskKind] { kind.tasks }
    /// Clients in all.
    public var clientCount: Int { tasks.count * clientsPerTask }
    /// Client names as the runs name them ("GQA-1", …), task by task.
    public var clientNames: [String] { tasks.flatMap { task in (1...max(clientsPerTask, 1)).map { "\(task.paperName)-\($0)" } } }
    /// The task of each client, by client index.
    public var clientTasks: [TaskKind] { tasks.flatMap { Array(repeating: $0, count: clientsPerTask) } }

    /// The data configuration at `scale`.
    public func config(scale: ScalePreset) -> Scenario.Config {
        Scenario.Config(kind: kind, scale: scale, clientsPerTask: clientsPerTask, split: split)
    }
}
