import Federated
import World

extension Study {
    /// Every problem of this study on its own, in a fixed order; empty when it can run.
    public var problems: [StudyError] {
        var found: [StudyError.Problem] = []
        if !StudyNames.isValid(name) { found.append(.invalidName) }
        if rows.isEmpty { found.append(.noRows) }
        if tables.isEmpty && figures.isEmpty { found.append(.noOutputs) }
        if seeds < 1 { found.append(.nonPositiveSeeds(seeds)) }
        if bases < 1 { found.append(.nonPositiveBases(bases)) }
        if rounds < 1 { found.append(.nonPositiveRounds(rounds)) }
        if scenario.clientsPerTask < 1 { found.append(.nonPositiveClients(scenario.clientsPerTask)) }
        if case let .dirichlet(alpha) = scenario.split, !(alpha > 0 && alpha.isFinite) { found.append(.invalidSplit(alpha)) }
        if tables.count > 1 { found.append(.severalTables(tables.count)) }
        found += assemblyProblems
        found += StudyNames.duplicates(rows.map(\.label)).map { .duplicateRowLabel($0) }
        for row in rows {
            if let k = row.neighbourCount, !(1...scenario.clientCount).contains(k) {
                found.append(.topKOutOfRange(row: row.label, k: k, clients: scenario.clientCount))
            }
        }
        let figureNames = figures.map(\.name)
        found += StudyNames.duplicates(figureNames).map { .invalidFigureName($0) }
        found += figureNames.filter { !StudyNames.isValid($0) || $0 == "table" }.map { .invalidFigureName($0) }
        for figure in figures {
            for task in figure.tasks ?? [] where !scenario.tasks.contains(task) {
                found.append(.unknownTask(task, scenario: scenario.kind))
            }
            switch figure.kind {
            case let .difference(row, baseline):
                for label in [row, baseline] where self.row(label) == nil { found.append(.unknownRow(label, figure: figure.name)) }
            case .topKLine:
                if !rows.contains(where: { $0.topK != nil }) { found.append(.noTopKRows(figure: figure.name)) }
            default: break
            }
        }
        return found.map { StudyError(study: name, problem: $0) }
    }

    /// Throws the first problem, if any.
    public func validate() throws {
        if let first = problems.first { throw first }
    }
}

extension Row {
    /// The top-k of Pilot's ATA, when this row aggregates by top-k with distance weights (the top-k line's points).
    public var topK: Int? {
        if case let .nearest(k)? = method.pilotOptions?.textAggregation { return k }
        return nil
    }

    /// The k of a top-k text aggregation, whichever its weights.
    var neighbourCount: Int? {
        switch method.pilotOptions?.textAggregation {
        case let .nearest(k)?, let .nearestBySize(k)?: return k
        default: return nil
        }
    }
}
