/// What one client holds: its task and its own training, validation and test examples.
public struct ClientData: Hashable, Sendable {
    /// 0-based index in the scenario (clients of a task are consecutive).
    public let index: Int
    /// The task's data set this client's share comes from.
    public let task: TaskKind
    /// 1-based number among the clients of its task, as the paper's tables count them.
    public let number: Int
    public let train: [Example]
    /// Validation examples: drawn from the task's own stream, disjoint from training and test items.
    public let validation: [Example]
    public let test: [Example]

    public init(index: Int, task: TaskKind, number: Int, train: [Example], validation: [Example], test: [Example]) {
        self.index = index
        self.task = task
        self.number = number
        self.train = train
        self.validation = validation
        self.test = test
    }

    /// "GQA-1", "COCO-3", ...
    public var name: String { "\(task.paperName)-\(number)" }
}
