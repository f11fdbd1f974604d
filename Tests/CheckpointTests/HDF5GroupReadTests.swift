import Checkpoint
import Foundation
import Tensors
import XCTest

/// Reading one top-level group: what run status checks and rendering use instead of the whole archive.
final class HDF5GroupReadTests: XCTestCase {
    func testReadingOneGroupGivesItsTensorsAndEveryAttribute() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-group-\(getpid()).h5")
        defer { try? FileManager.default.removeItem(at: url) }
        var archive = TensorArchive()
        archive.tensors["metrics/scores"] = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        archive.tensors["metrics/train_loss/0"] = Tensor(shape: [2], scalars: [0.5, 0.25])
        archive.tensors["clients/0/connector.fc1.weight"] = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
        archive.tensors["metricsless"] = Tensor(scalar: 7)
        archive.attributes["config_hash"] = .string("0123456789abcdef")
        try HDF5Store.write(archive, to: url)

        let metrics = try HDF5Store.read(from: url, group: "metrics")
        XCTAssertEqual(Set(metrics.tensors.keys), ["metrics/scores", "metrics/train_loss/0"])
        XCTAssertEqual(metrics.tensors["metrics/scores"], archive.tensors["metrics/scores"])
        XCTAssertEqual(metrics.attributes, archive.attributes, "the archive's own attributes, without the format's")
        XCTAssertEqual(try HDF5Store.read(from: url, group: "absent").tensors, [:])
    }
}
