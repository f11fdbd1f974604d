import Tensors

/// What a run measured so far, round by round: the numbers tables and figures are drawn from.
///
/// Not `Equatable`: rows the run did not measure hold NaN, so a history would not equal itself; tests compare the
/// measured values (`TinyRun.measured`).
public struct RunHistory: Codable, Sendable {
    /// [round][client]: test score on the task's scale after the round; NaN after the rounds whose test set was not
    /// scored (every round but the last, since the tables read only the last).
    public var scores: [[Double]] = []
    /// [round][client]: validation score on the task's scale after the round (what settings are selected on).
    public var validationScores: [[Double]] = []
    /// [client]: test score of the state every client starts from, before round 1 (for Local, FedAvg and the
    /// other single-connector methods: the base model, zero-shot). Empty for runs stored before it was measured.
    public var initialScores: [Double] = []
    /// [client]: validation score of the state every client starts from.
    public var initialValidationScores: [Double] = []
    /// [round][client][item]: each test item's score on the task's scale (0 or 100 for accuracies, 100 × CIDEr-D
    /// for captions), in the client's test order; a client's mean is its score. What intervals over test items resample.
    /// Rounds whose test set was not scored, and rounds stored before item scores existed, hold empty lists.
    public var testItemScores: [[[Double]]] = []
    /// [round][client]: mean answer-token cross-entropy on the client's test set after the round (NaN where the test
    /// set was not scored, and for the rounds of a run checkpointed before it was recorded).
    public var testLoss: [[Double]] = []
    /// [round][client]: floats sent up.
    public var uploaded: [[Int]] = []
    /// [round][client]: floats sent down.
    public var downloaded: [[Int]] = []
    /// [round][client]: parameters one forward pass of the client's model touches in the round (the paper's AP):
    /// vision encoder, connector (every CT-MoA expert, cross-task adapter and router), language model and its LoRA.
    public var activated: [[Int]] = []
    /// [client]: training loss of every local step, all rounds in order.
    public var trainLoss: [[Float]]
    /// [round]: wall-clock seconds.
    public var seconds: [Double] = []
    /// [start]: wall-clock seconds of each start of the run in a process before its first round there: data
    /// preparation, and on the first start the starting model's scoring. Empty in checkpoints written before 2026-12-04.
    public var setupSeconds: [Double] = []

    /// The checkpoint tensors that hold wall-clock times: the only ones two runs of one configuration need not share.
    public static let wallClockTensorNames: Set<String> = ["metrics/seconds", "metrics/setup_seconds"]

    /// An empty history of `clients` clients.
    public init(clients: Int) { trainLoss = Array(repeating: [], count: clients) }

    /// The history stored under `metrics/` by `tensors`.
    public init(tensors: [String: Tensor], clients: Int) {
        func rows(_ name: String) -> [[Double]] {
            guard let t = tensors[name], t.rank == 2 else { return [] }
            let values = t.scalars.map(Double.init)
            return (0..<t.shape[0]).map { Array(values[($0 * t.shape[1])..<(($0 + 1) * t.shape[1])]) }
        }
        scores = rows("metrics/scores")
        validationScores = Self.padded(rows("metrics/validation_scores"), rounds: scores.count, clients: clients)
        initialScores = tensors["metrics/initial_scores"].map { $0.scalars.map(Double.init) } ?? []
        initialValidationScores = tensors["metrics/initial_validation_scores"].map { $0.scalars.map(Double.init) } ?? []
        // `test_items/<i>` holds the rounds that scored the test set, in order: the last of the rounds with finite
        // scores (fewer than those only in a run stored before item scores existed). Every other round holds empty
        // lists, as in the history that wrote the file.
        let items = (0..<clients).map { rows("metrics/test_items/\($0)") }
        let scoreRows = rows("metrics/scores")
        let scored = scoreRows.indices.filter { scoreRows[$0].contains { $0.isFinite } }
        testItemScores = scoreRows.map { _ in [[Double]](repeating: [], count: clients) }
        for (client, stored) in items.enumerated() {
            for (row, round) in zip(stored, scored.suffix(stored.count)) { testItemScores[round][client] = row }
        }
        testLoss = Self.padded(rows("metrics/test_loss"), rounds: scores.count, clients: clients)
        uploaded = rows("metrics/uploaded").map { $0.map { Int($0) } }
        downloaded = rows("metrics/downloaded").map { $0.map { Int($0) } }
        activated = rows("metrics/activated").map { $0.map { Int($0) } }      // absent before AP was recorded
        seconds = tensors["metrics/seconds"].map { $0.scalars.map(Double.init) } ?? []
        setupSeconds = tensors["metrics/setup_seconds"].map { $0.scalars.map(Double.init) } ?? []
        trainLoss = (0..<clients).map { tensors["metrics/train_loss/\($0)"]?.scalars ?? [] }
    }

    /// `rows` preceded by NaN rows up to `rounds` rows: a history stored before a measurement existed lacks its first rounds.
    static func padded(_ rows: [[Double]], rounds: Int, clients: Int) -> [[Double]] {
        Array(repeating: Array(repeating: .nan, count: clients), count: max(0, rounds - rows.count)) + rows
    }

    /// Rounds completed.
    public var rounds: Int { scores.count }

    /// As named tensors under `metrics/` for the checkpoint.
    ///
    /// Counts are stored as float32, exact below 2²⁴ (pilot-tiny's AP is about 4.7 million).
    public var tensors: [String: Tensor] {
        let n = trainLoss.count
        func matrix(_ rows: [[Double]]) -> Tensor { Tensor(shape: [rows.count, n], scalars: rows.flatMap { $0.map(Float.init) }) }
        var out: [String: Tensor] = [
            "metrics/scores": matrix(scores),
            "metrics/test_loss": matrix(testLoss),
            "metrics/uploaded": matrix(uploaded.map { $0.map(Double.init) }),
            "metrics/downloaded": matrix(downloaded.map { $0.map(Double.init) }),
            "metrics/activated": matrix(activated.map { $0.map(Double.init) }),
            "metrics/seconds": Tensor(shape: [seconds.count], scalars: seconds.map(Float.init)),
        ]
        if !setupSeconds.isEmpty { out["metrics/setup_seconds"] = Tensor(shape: [setupSeconds.count], scalars: setupSeconds.map(Float.init)) }
        if !validationScores.isEmpty { out["metrics/validation_scores"] = matrix(validationScores) }
        if !initialScores.isEmpty { out["metrics/initial_scores"] = Tensor(shape: [n], scalars: initialScores.map(Float.init)) }
        if !initialValidationScores.isEmpty {
            out["metrics/initial_validation_scores"] = Tensor(shape: [n], scalars: initialValidationScores.map(Float.init))
        }
        if !testItemScores.isEmpty {
            for client in 0..<n {
                let rows = testItemScores.map { $0[client] }.filter { !$0.isEmpty }     // [round][item], the rounds that have items
                guard let first = rows.first else { continue }
                out["metrics/test_items/\(client)"] = Tensor(shape: [rows.count, first.count], scalars: rows.flatMap { $0.map(Float.init) })
            }
        }
        for (i, losses) in trainLoss.enumerated() { out["metrics/train_loss/\(i)"] = Tensor(shape: [losses.count], scalars: losses) }
        return out
    }
}
