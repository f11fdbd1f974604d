import Foundation

/// Predictions and references read from JSON files and checked against each other, ready to score.
///
/// Predictions are `{"id": "text", …}`. References are `{"id": ["text", …], …}` for the text metrics
/// and `{"id": [x1, y1, x2, y2], …}` (numbers) for `iou`, whose prediction texts are parsed as boxes.
/// Both files must name the same, non-empty set of ids. Every failure is a `ScoreInputError` that
/// names the file and the problem.
public struct ScoreInput: Equatable, Sendable {
    /// The metric the references were read for.
    public let metric: Metric
    /// Each item's prediction text.
    public let predictions: [String: String]
    public let references: References

    /// Reads and checks the two files for `metric`.
    ///
    /// - Throws: `ScoreInputError`.
    public static func load(metric: Metric, predictionsFile: String, referencesFile: String) throws -> ScoreInput {
        try ScoreInput(metric: metric,
                       predictions: readFile(predictionsFile), predictionsFile: predictionsFile,
                       references: readFile(referencesFile), referencesFile: referencesFile)
    }

    /// Parses and checks file contents already in memory; the names are used in error messages.
    ///
    /// - Throws: `ScoreInputError`.
    public init(metric: Metric, predictions: Data, predictionsFile: String,
                references: Data, referencesFile: String) throws {
        let parsedPredictions = try JSONShape.idToString.decode([String: String].self, from: predictions, file: predictionsFile)
        guard !parsedPredictions.isEmpty else { throw ScoreInputError(file: predictionsFile, problem: .empty) }
        let parsedReferences = try metric.usesBoxReferences
            ? Self.boxes(from: references, file: referencesFile)
            : Self.texts(from: references, file: referencesFile)
        guard !parsedReferences.ids.isEmpty else { throw ScoreInputError(file: referencesFile, problem: .empty) }
        let predictionIDs = Set(parsedPredictions.keys)
        let unreferenced = predictionIDs.subtracting(parsedReferences.ids)
        if !unreferenced.isEmpty {
            throw ScoreInputError(file: predictionsFile, problem: .unmatchedIDs(unreferenced.sorted(), otherFile: referencesFile))
        }
        let unpredicted = parsedReferences.ids.subtracting(predictionIDs)
        if !unpredicted.isEmpty {
            throw ScoreInputError(file: referencesFile, problem: .unmatchedIDs(unpredicted.sorted(), otherFile: predictionsFile))
        }
        self.metric = metric
        self.predictions = parsedPredictions
        self.references = parsedReferences
    }

    public func score() -> CorpusScore<ScoreValue> {
        metric.score(predictions: predictions, references: references)
    }

    private static func readFile(_ path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScoreInputError(file: path, problem: .notFound)
        }
        guard !isDirectory.boolValue else { throw ScoreInputError(file: path, problem: .unreadable("it is a directory")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScoreInputError(file: path, problem: .unreadable("permission denied or I/O error"))
        }
        return data
    }

    private static func texts(from data: Data, file: String) throws -> References {
        let texts = try JSONShape.idToStrings.decode([String: [String]].self, from: data, file: file)
        if let id = texts.keys.sorted().first(where: { texts[$0]!.isEmpty }) {
            throw ScoreInputError(file: file, problem: .noReferences(id: id))
        }
        return .texts(texts)
    }

    private static func boxes(from data: Data, file: String) throws -> References {
        let corners = try JSONShape.idToNumbers.decode([String: [Double]].self, from: data, file: file)
        var boxes: [String: BoundingBox] = [:]
        for id in corners.keys.sorted() {
            guard let box = BoundingBox(corners: corners[id]!) else {
                throw ScoreInputError(file: file, problem: .invalidBox(id: id, values: corners[id]!))
            }
            boxes[id] = box
        }
        return .boxes(boxes)
    }
}
