import Checkpoint
import Federated
import Foundation
import Tensors
import TestSupport
import World
import XCTest

/// The server step over HDF5 files (`pilot aggregate`): a round trip equals the in-memory aggregation; bad input is refused by file.
final class ServerStepFileTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-aggregate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// Four clients of two tasks with random two-tensor updates.
    func updates() -> [ClientUpdate] {
        var rng = RandomStream(seed: 9)
        return (0..<4).map { i in
            ClientUpdate(client: 10 + i, task: i < 2 ? .gqa : .coco, dataSize: 3 + i, parameters: [
                "llm.layers.0.q.lora_A": Tensor.randomNormal([2, 3], using: &rng),
                "connector.task.fc1.bias": Tensor.randomNormal([4], using: &rng),
            ])
        }
    }

    /// Writes `updates` as U<i>.h5 in the scratch directory; returns the files.
    func write(_ updates: [ClientUpdate]) throws -> [URL] {
        try updates.enumerated().map { i, u in
            let url = directory.appendingPathComponent("U\(i + 1).h5")
            try UpdateFile.write(u, to: url)
            return url
        }
    }

    func testRoundTripThroughFilesEqualsTheInMemoryAggregation() throws {
        let updates = updates()
        let files = try write(updates)
        let expected: [(ServerStep, [Int: NamedTensors])] = [
            (.fedAvg, Dictionary(uniqueKeysWithValues: updates.map { ($0.client, try! WeightedAverage.average(updates)) })),
            (.taskAware, try { let t = try TaskAwareAverage.average(updates); return Dictionary(uniqueKeysWithValues: updates.map { ($0.client, t[$0.task]!) }) }()),
            (.ata(k: 2), try AdaptiveTextAggregation.aggregate(updates, selection: .nearest(k: 2))),
        ]
        for (step, inMemory) in expected {
            let out = directory.appendingPathComponent("out-\(step.name)")
            let written = try step.run(inputs: files, outputDirectory: out)
            XCTAssertEqual(written.map(\.lastPathComponent), ["client-10.h5", "client-11.h5", "client-12.h5", "client-13.h5"])
            XCTAssertEqual(try step.aggregate(updates), inMemory, step.name)
            for update in updates {
                let url = out.appendingPathComponent(ServerStep.downloadFileName(client: update.client))
                let back = try UpdateFile.read(url)
                XCTAssertEqual(back.parameters, inMemory[update.client], "\(step.name), client \(update.client)")
                XCTAssertEqual(back.task, update.task)
                let attributes = try HDF5Store.read(from: url).attributes
                XCTAssertEqual(attributes["strategy"]?.stringValue, step.name)
                XCTAssertEqual(attributes["pilot_kind"]?.stringValue, "server-download")
            }
        }
        XCTAssertNotEqual(try ServerStep.fedAvg.aggregate(updates)[10], try ServerStep.taskAware.aggregate(updates)[10])
    }

    /// The error a run over `updates` (after `edit` changes their archives) throws; asserts nothing was written.
    func failure(_ updates: [ClientUpdate], step: ServerStep = .fedAvg, edit: (inout [TensorArchive]) -> Void = { _ in }) throws -> String {
        var archives = updates.map { UpdateFile.archive($0) }
        edit(&archives)
        let files = try archives.enumerated().map { i, a -> URL in
            let url = directory.appendingPathComponent("U\(i + 1).h5")
            try HDF5Store.write(a, to: url)
            return url
        }
        let out = directory.appendingPathComponent("out")
        var message = ""
        XCTAssertThrowsError(try step.run(inputs: files, outputDirectory: out)) { message = "\($0)" }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing is written: \(message)")
        XCTAssertFalse(message.contains("\n"), "one line: \(message)")
        return message
    }

    func testEveryBadInputIsRefusedNamingTheFile() throws {
        let u = updates()
        var message = try failure(u) { $0[1].attributes["data_size"] = nil }
        XCTAssertTrue(message.hasSuffix("U2.h5: missing attribute 'data_size' (training samples, an integer)"), message)
        message = try failure(u) { $0[2].attributes["client"] = .string("2") }
        XCTAssertTrue(message.contains("U3.h5: missing attribute 'client'"), message)
        message = try failure(u) { $0[0].attributes["task"] = .string("imagenet") }
        XCTAssertTrue(message.contains("U1.h5: unknown task 'imagenet'"), message)
        message = try failure(u) { $0[3].attributes["data_size"] = .int(0) }
        XCTAssertTrue(message.contains("U4.h5: data_size must be positive"), message)
        message = try failure(u) { $0[3].attributes["client"] = .int(10) }
        XCTAssertTrue(message.contains("U4.h5: client 10 is also the client of") && message.contains("U1.h5"), message)
        message = try failure(u) { $0[1].tensors["llm.layers.0.q.lora_A"] = nil }
        XCTAssertTrue(message.contains("U2.h5: lacks tensor 'llm.layers.0.q.lora_A' that") && message.contains("U1.h5"), message)
        message = try failure(u) { $0[2].tensors["extra"] = Tensor(zeros: [1]) }
        XCTAssertTrue(message.contains("U3.h5: holds tensor 'extra' that"), message)
        message = try failure(u) { $0[1].tensors["connector.task.fc1.bias"] = Tensor(zeros: [2, 2]) }
        XCTAssertTrue(message.contains("U2.h5: tensor 'connector.task.fc1.bias' has shape [2, 2], in") && message.contains("[4]"), message)
        message = try failure(u) { $0[2].tensors["connector.task.fc1.bias"]!.withUnsafeMutablePointer { $0[3] = .nan } }
        XCTAssertTrue(message.contains("U3.h5: tensor 'connector.task.fc1.bias' holds nan at element 3"), message)
        message = try failure(u) { $0[0].tensors["llm.layers.0.q.lora_A"]!.withUnsafeMutablePointer { $0[0] = .infinity } }
        XCTAssertTrue(message.contains("U1.h5: tensor 'llm.layers.0.q.lora_A' holds +inf"), message)
        message = try failure(u, step: .ata(k: 5))
        XCTAssertEqual(message, "--top-k 5 is outside 1...4: there are 4 client updates")
        XCTAssertThrowsError(try ServerStep.named("fedprox", topK: nil)) {
            XCTAssertEqual("\($0)", "unknown strategy 'fedprox' (valid: fedavg, task-aware, ata)")
        }
        XCTAssertThrowsError(try ServerStep.named("fedavg", topK: 2)) { XCTAssertTrue("\($0)".contains("--top-k applies to --strategy ata only")) }
        XCTAssertEqual(try ServerStep.named("ata", topK: nil), .ata(k: 6))
    }

    func testACorruptOrMissingFileIsNamed() throws {
        let files = try write(updates())
        let missing = directory.appendingPathComponent("nope.h5")
        let out = directory.appendingPathComponent("out")
        XCTAssertThrowsError(try ServerStep.fedAvg.run(inputs: [files[0], missing], outputDirectory: out)) {
            XCTAssertTrue("\($0)".contains("nope.h5"), "\($0)")
        }
        try Data("not hdf5".utf8).write(to: files[1])
        XCTAssertThrowsError(try ServerStep.fedAvg.run(inputs: files, outputDirectory: out)) { XCTAssertTrue("\($0)".contains("U2.h5"), "\($0)") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testTheCommandWritesOneFilePerClientAndFailsWithOneLine() throws {
        let updates = updates()
        let files = try write(updates)
        let out = directory.appendingPathComponent("ata")
        let ok = try PilotProcess.run(["aggregate", "--strategy", "ata", "--top-k", "3", "--in"] + files.map(\.path) + ["--out", out.path])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let inMemory = try ServerStep.ata(k: 3).aggregate(updates)
        for update in updates {
            XCTAssertEqual(try UpdateFile.read(out.appendingPathComponent("client-\(update.client).h5")).parameters, inMemory[update.client])
        }
        var broken = UpdateFile.archive(updates[1])
        broken.attributes["task"] = nil
        try HDF5Store.write(broken, to: files[1])
        let bad = directory.appendingPathComponent("bad")
        let failed = try PilotProcess.run(["aggregate", "--strategy", "fedavg", "--in"] + files.map(\.path) + ["--out", bad.path])
        XCTAssertNotEqual(failed.status, 0)
        let lines = failed.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, failed.stderr)
        XCTAssertTrue(failed.stderr.contains("U2.h5: missing attribute 'task'"), failed.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: bad.path))
    }
}
