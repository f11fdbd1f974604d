import ArgumentParser
import Files
import Foundation
import World

/// `pilot data …`: look at the synthetic data sets.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data", abstract: "Look at the synthetic data sets.", subcommands: [PreviewCommand.self, DataBaselinesCommand.self])

    /// `pilot data preview`
    struct PreviewCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "preview", abstract: "A contact sheet (PNG) of a task's images with their instructions and answers.")

        @Option(help: "Task: \(TaskKind.allCases.map(\.rawValue).joined(separator: ", ")), or 'pretrain' for the pretraining corpus.")
        var task: String
        @Option(help: "How many examples.") var n = 16
        @Option(help: "Data seed.") var seed: UInt64 = 0
        @Option(help: "Which pool: train or test.") var split = "train"
        @Option(help: "Output PNG file.") var out: String

        func validate() throws {
            guard (1...256).contains(n) else { throw ValidationError("--n must be 1...256, got \(n)") }
            guard ["train", "test"].contains(split) else { throw ValidationError("--split must be train or test, got '\(split)'") }
            guard task == "pretrain" || TaskKind(rawValue: task) != nil else {
                throw ValidationError(DataError.unknownTask(task, valid: TaskKind.allCases.map(\.rawValue) + ["pretrain"]).description)
            }
        }

        func run() throws {
            let sheet: RGBImage
            if let kind = TaskKind(rawValue: task) {
                let streams = DataSetStreams(task: kind, seed: seed)
                sheet = ContactSheet().render(kind.examples(count: n, prefix: "\(kind.rawValue)-\(split)",
                                                            rng: split == "train" ? streams.train : streams.test))
            } else {
                let stream = DataSetStreams.pretraining(seed: seed)
                sheet = ContactSheet().render((0..<n).map { PretrainCorpus.sample($0, rng: stream) })
            }
            let png = PNGEncoder.encode(sheet)
            try AtomicFile.write(to: URL(fileURLWithPath: out)) { path in
                try Foundation.Data(png).write(to: URL(fileURLWithPath: path))
            }
            print("wrote \(out): \(n) \(task) examples (\(split), seed \(seed))")
        }
    }
}
