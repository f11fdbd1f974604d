import ArgumentParser
import Foundation
import Metrics

extension Metric: ExpressibleByArgument {}

/// `pilot score`: scores a predictions file against a references file with one metric.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "Score predictions against references (exact match, CIDEr-D, BLEU, Acc@IoU≥0.5, ScienceQA letter).",
        discussion: """
        Predictions: {"id": "text", ...}. References: {"id": ["text", ...], ...}, or for iou \
        {"id": [x1, y1, x2, y2], ...} with each prediction text parsed as a box. For iou the score is \
        Acc@IoU≥0.5 and per_item holds each IoU; for bleu the score and each item are BLEU-1..4.
        """)

    @Option(help: "The metric to compute.") var metric: Metric
    @Option(help: "JSON file mapping each id to its prediction text.") var predictions: String
    @Option(help: "JSON file mapping each id to its references.") var references: String
    @Flag(help: "Print exactly one JSON object {\"metric\", \"score\", \"per_item\"}.") var json = false

    /// The `--json` output.
    struct Report: Encodable {
        let metric: Metric
        let score: ScoreValue
        let per_item: [String: ScoreValue]
    }

    func run() throws {
        let input: ScoreInput
        do {
            input = try ScoreInput.load(metric: metric, predictionsFile: predictions, referencesFile: references)
        } catch let error as ScoreInputError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let result = input.score()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(Report(metric: metric, score: result.score, per_item: result.perItem)), as: UTF8.self))
        } else {
            print(summary(result))
        }
    }

    /// A short human summary: the metric, its score and the item count.
    func summary(_ result: CorpusScore<ScoreValue>) -> String {
        let values = result.score.values.map { String(format: "%.4f", $0) }.joined(separator: " / ")
        var line = "\(metric.displayName): \(values) over \(result.perItem.count) items"
        if metric == .iou {
            let meanIoU = result.perItem.values.reduce(0) { $0 + $1.values[0] } / Double(result.perItem.count)
            line += String(format: " (mean IoU %.4f)", meanIoU)
        }
        return line
    }
}
