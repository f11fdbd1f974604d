import Checkpoint
@testable import Federated
import Foundation
import Models
import NN
import Tensors
import TestSupport
import Training
import World

/// Whole federated runs small enough for a test: the tiny model, a few examples per client, one local epoch.
enum TinyRun {
    /// Scratch space of this test process.
    static let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-tinyrun-\(getpid())")
    static let base = TinyBase.config
    /// Its file (pretrained again only when a test class has cleaned the directory up).
    static var baseURL: URL { try! TinyBase.url(in: directory) }

    /// A run of `method` on the visual scenario with `clientsPerTask` clients per task.
    static func config(_ method: Method, rounds: Int = 2, clientsPerTask: Int = 1) -> RunConfig {
        RunConfig(scenario: Scenario.Config(kind: .visual, scale: ScalePreset(name: "t", trainPerClient: 4, testPerClient: 2),
                                            clientsPerTask: clientsPerTask),
                  method: method, rounds: rounds,
                  training: TrainingOptions(epochs: 1, batchSize: 2, schedule: LearningRateSchedule(base: 1e-2)), seed: 3, base: base)
    }

    /// A runner of `config` in a fresh sub-directory `name` (or the existing one, to resume).
    static func runner(_ config: RunConfig, _ name: String, hooks: FederatedRunner.Hooks = .init()) throws -> FederatedRunner {
        try FederatedRunner(config: config, baseURL: baseURL, directory: directory.appendingPathComponent(name), hooks: hooks)
    }

    /// The checkpoint a runner called `name` writes.
    static func checkpoint(_ name: String) -> URL { directory.appendingPathComponent(name).appendingPathComponent("run.h5") }

    /// `history` without its wall-clock times, as sorted JSON: what must be equal between two runs of one
    /// configuration. A round whose test set was not scored reads "nan" (NaN itself would not equal itself).
    static func measured(_ history: RunHistory) -> String {
        var h = history
        h.seconds = []
        h.setupSeconds = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try! encoder.encode(h), as: UTF8.self)
    }

    /// `history`'s test scores, rounds whose test set was not scored as −∞ (which, unlike NaN, equals itself).
    static func scores(_ history: RunHistory) -> [[Double]] {
        history.scores.map { $0.map { $0.isNaN ? -Double.infinity : $0 } }
    }

    /// `history` as a JSON object (NaN, a round whose test set was not scored, as the string "nan").
    static func jsonObject(_ history: RunHistory) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try JSONSerialization.jsonObject(with: encoder.encode(history)) as! [String: Any]
    }

    /// The history a JSON object of `jsonObject(_:)`'s form holds.
    static func decodeHistory(_ object: [String: Any]) throws -> RunHistory {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(RunHistory.self, from: JSONSerialization.data(withJSONObject: object))
    }

    /// Every client's final state from a checkpoint: client index → tensors.
    static func clientStates(_ name: String, clients: Int) throws -> [NamedTensors] {
        let archive = try HDF5Store.read(from: checkpoint(name))
        return (0..<clients).map { archive.tensors(under: "clients/\($0)/") }
    }
}
