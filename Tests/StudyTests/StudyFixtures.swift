import Federated
import Foundation
import NN
import Study
import TestSupport
import Training
import World

/// Tiny settings, a tiny pretrained base and small studies, so that whole runs take a second or two.
enum StudyFixtures {
    /// Scratch space of this test process.
    static let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-study-\(getpid())")

    static let base = TinyBase.config
    /// Its file, pretrained once per process.
    static let baseURL: URL = try! TinyBase.url(in: directory.appendingPathComponent("base"))

    /// Settings with 4 training and 2 test examples per client and one epoch of batch 2.
    static func settings(seeds: Int? = nil) -> StudySettings {
        StudySettings(scale: ScalePreset(name: "t", trainPerClient: 4, testPerClient: 2), base: base,
                      training: TrainingOptions(epochs: 1, batchSize: 2, schedule: LearningRateSchedule(base: 1e-2)), seeds: seeds)
    }

    /// Settings at the smoke scale with `pilot run`'s training defaults (for planning only).
    static let smoke = StudySettings(scale: .smoke, base: PretrainConfig.preset("smoke")!)

    /// A fresh directory under the scratch space.
    static func freshDirectory(_ name: String) -> URL {
        let url = directory.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: url)
        return url
    }

    /// Every file under `root` (relative path → contents).
    static func files(under root: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            out[String(url.path.dropFirst(root.path.count + 1))] = try Data(contentsOf: url)
        }
        return out
    }
}

/// The `StudyError` problem `body` throws; nil when it throws nothing or another error.
func studyProblem(_ body: () throws -> Void) -> StudyError.Problem? {
    do { try body() } catch let error as StudyError { return error.problem } catch { return nil }
    return nil
}
