import ArgumentParser
import Checkpoint
import Foundation
import Tensors

/// `pilot archive-stress` (hidden): rewrites one archive in a loop so that a test can kill it mid-write.
struct ArchiveStressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive-stress", abstract: "Rewrite one archive repeatedly (for the kill -9 test).",
        shouldDisplay: false)

    @Option(help: "The archive to rewrite.") var out: String
    @Option(help: "How many times (bounded, so that a forgotten child stops).") var iterations = 200
    @Option(help: "Elements per tensor.") var elements = 1 << 20

    func run() throws {
        for i in 0..<iterations {
            let value = Float(i)
            var archive = TensorArchive()
            for name in ["a/x", "a/y", "b/z"] { archive.tensors[name] = Tensor(repeating: value, shape: [elements]) }
            archive.attributes["iteration"] = .int(Int64(i))
            try HDF5Store.write(archive, to: URL(fileURLWithPath: out))
        }
    }
}
