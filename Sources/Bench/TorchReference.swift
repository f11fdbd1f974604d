import Foundation

/// Runs the PyTorch reference's benchmark (`reference/bench.py --mode bench`) for one configuration
/// and reads its JSON.
public struct TorchReference {
    /// The Python interpreter that has torch.
    public let python: String
    /// Path of the benchmark script, `reference/bench.py`.
    public let script: String

    public init(python: String, script: String) {
        self.python = python
        self.script = script
    }

    /// Examples per second of the reference's train, eval and KV-cache generation medians.
    public struct Throughput {
        public let train: Double, eval: Double, generate: Double
    }

    /// Why the reference could not be measured.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Measures one variant, batch and thread count (`compile`: torch.compile for train and eval).
    public func measure(variant: String, batch: Int, threads: Int, iterations: Int, compile: Bool = false) throws -> Throughput {
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("torch-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: json) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--mode", "bench", "--variant", variant, "--threads", "\(threads)",
                             "--batches", "\(batch)", "--iters", "\(iterations)", "--warmup", "\(ModelBenchmark.warmup)",
                             "--gen-warmup", "\(ModelBenchmark.generationWarmup)", "--json", json.path] + (compile ? ["--compile"] : [])
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch { throw Failure(description: "cannot run \(python): \(error.localizedDescription)") }
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(python) \(script) failed (\(process.terminationStatus)): \(String(decoding: stderr.suffix(600), as: UTF8.self))")
        }
        guard let object = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any],
              let results = object["results"] as? [String: Any], let b = results["B\(batch)"] as? [String: Any] else {
            throw Failure(description: "unexpected JSON from \(script)")
        }
        func rate(_ key: String) -> Double { ((b[key] as? [String: Any])?["ex_per_s"] as? Double) ?? .nan }
        return Throughput(train: rate("train"), eval: rate("eval"), generate: rate("gen_kv"))
    }
}
