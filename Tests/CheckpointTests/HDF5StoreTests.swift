@testable import Checkpoint
import Foundation
import Tensors
import TestSupport
import XCTest

/// Round trips, corrupt and truncated files, interrupted writes, and interoperability with h5dump.
final class HDF5StoreTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-hdf5-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func sampleArchive(seed: UInt64 = 1) -> TensorArchive {
        var archive = TensorArchive()
        archive.tensors["round_1/client_0/connector.task.fc1.weight"] = randn([16, 8], seed: seed)
        archive.tensors["round_1/client_0/llm.lora.q.lora_B"] = randn([8, 4], seed: seed + 1)
        archive.tensors["round_1/server/step"] = Tensor(scalar: 3)
        archive.tensors["metrics/empty"] = Tensor(zeros: [0, 4])
        archive.tensors["big"] = randn([1100, 1000], seed: seed + 2)      // more than one chunk
        archive.attributes["seed"] = .int(42)
        archive.attributes["learning_rate"] = .double(2e-4)
        archive.attributes["method"] = .string("pilot — ünïcode")
        return archive
    }

    func testRoundTripPreservesTensorsAndAttributesExactly() throws {
        let url = directory.appendingPathComponent("a.h5")
        let archive = sampleArchive()
        try HDF5Store.write(archive, to: url)
        XCTAssertEqual(try HDF5Store.read(from: url), archive)
    }

    func testJSONAttributeRoundTrip() throws {
        struct Config: Codable, Equatable { let rounds: Int; let method: String }
        var archive = TensorArchive()
        try archive.setJSON(Config(rounds: 3, method: "fedavg"), for: "config")
        let url = directory.appendingPathComponent("j.h5")
        try HDF5Store.write(archive, to: url)
        XCTAssertEqual(try HDF5Store.read(from: url).json(Config.self, for: "config"), Config(rounds: 3, method: "fedavg"))
    }

    func testOverwriteReplacesTheWholeFile() throws {
        let url = directory.appendingPathComponent("o.h5")
        try HDF5Store.write(sampleArchive(seed: 1), to: url)
        let second = TensorArchive(tensors: ["only": Tensor(scalar: 1)])
        try HDF5Store.write(second, to: url)
        XCTAssertEqual(try HDF5Store.read(from: url), second)
    }

    func testInterruptedWriteLeavesThePreviousFileAndNoTemporary() throws {
        struct Crash: Error {}
        let url = directory.appendingPathComponent("i.h5")
        let original = sampleArchive(seed: 1)
        try HDF5Store.write(original, to: url)
        XCTAssertThrowsError(try HDF5Store.write(sampleArchive(seed: 5), to: url, beforeClose: { throw Crash() }))
        XCTAssertEqual(try HDF5Store.read(from: url), original)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["i.h5"])
    }

    func testTruncatedFileIsReportedNotHalfLoaded() throws {
        let url = directory.appendingPathComponent("t.h5")
        try HDF5Store.write(sampleArchive(), to: url)
        let data = try Data(contentsOf: url)
        for fraction in [0.02, 0.5, 0.98] {
            try data.prefix(Int(Double(data.count) * fraction)).write(to: url)
            XCTAssertThrowsError(try HDF5Store.read(from: url), "truncated to \(fraction)") { error in
                XCTAssertTrue(error is HDF5Error, "\(error)")
            }
        }
    }

    func testCorruptedDataIsDetectedByTheChecksum() throws {
        let url = directory.appendingPathComponent("c.h5")
        var archive = TensorArchive()
        archive.tensors["w"] = randn([256, 256], seed: 3)
        try HDF5Store.write(archive, to: url)
        var data = try Data(contentsOf: url)
        // Flip bytes in the middle of the (compressed) data, far from the metadata at the start.
        for i in stride(from: data.count / 2, to: data.count / 2 + 64, by: 8) { data[i] ^= 0xFF }
        try data.write(to: url)
        XCTAssertThrowsError(try HDF5Store.read(from: url)) { error in
            XCTAssertTrue("\(error)".contains("c.h5"), "\(error)")
        }
    }

    func testNotAnArchiveAndMissingFileGiveClearErrors() throws {
        let text = directory.appendingPathComponent("x.h5")
        try Data("hello".utf8).write(to: text)
        XCTAssertThrowsError(try HDF5Store.read(from: text)) { XCTAssertTrue("\($0)".contains("not an HDF5 file"), "\($0)") }
        XCTAssertThrowsError(try HDF5Store.read(from: directory.appendingPathComponent("none.h5"))) {
            XCTAssertTrue("\($0)".contains("no such file"), "\($0)")
        }
    }

    func testInvalidNamesAreRejectedBeforeAnythingIsWritten() throws {
        let url = directory.appendingPathComponent("n.h5")
        for names in [["a//b"], ["/a"], ["a", "a/b"], [""]] {
            let archive = TensorArchive(tensors: Dictionary(uniqueKeysWithValues: names.map { ($0, Tensor(scalar: 1)) }))
            XCTAssertThrowsError(try HDF5Store.write(archive, to: url), "\(names)")
        }
        XCTAssertThrowsError(try HDF5Store.write(TensorArchive(attributes: ["pilot_format": .int(1)]), to: url))
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
    }

    func testFilesAreReadableByH5dump() throws {
        let h5dump = ["/usr/bin/h5dump", "/usr/local/bin/h5dump"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let tool = try XCTUnwrap(h5dump, "h5dump is not installed (make deps installs hdf5-tools)")
        let url = directory.appendingPathComponent("d.h5")
        var archive = TensorArchive()
        archive.tensors["group/values"] = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4.5])
        archive.attributes["method"] = .string("pilot")
        try HDF5Store.write(archive, to: url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertTrue(output.contains("DATASET \"values\""), output)
        XCTAssertTrue(output.contains("4.5"), output)
        XCTAssertTrue(output.contains("\"pilot\""), output)
    }
}
