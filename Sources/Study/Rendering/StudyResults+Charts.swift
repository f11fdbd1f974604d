import Report
import World

extension StudyResults {
    /// `figure` drawn from these results.
    public func chart(_ figure: Figure) throws -> Chart {
        let tasks = figure.tasks ?? study.scenario.tasks
        let members = clients(of: tasks)
        let labels = study.rows.map(\.label)
        let score = "score (accuracy %, CIDEr-D × 100, Acc@IoU0.5 %)"
        func chart(_ what: String, x: String, y: String, _ kind: Chart.Kind, zeroLine: Bool = false) -> Chart {
            Chart(name: figure.name, title: "\(study.title) — \(what)", xLabel: x, yLabel: y, kind: kind, zeroLine: zeroLine)
        }
        switch figure.kind {
        case .clientBars:
            let names = study.scenario.clientNames
            return chart("per client", x: "client", y: score, .groupedBars(
                categories: members.map { names[$0] },
                series: labels.indices.map { Chart.Series(name: labels[$0], values: clientScores(row: $0, clients: members)) }))
        case .roundCurves:
            return chart("mean client score per round", x: "round", y: "mean client \(score)", .lines(labels.indices.map { r in
                Chart.Line(name: labels[r], points: roundMeans(row: r, clients: members).enumerated().map {
                    Chart.Point(x: Double($0.offset + 1), y: $0.element)
                })
            }))
        case .taskBars:
            return chart("per task", x: "task", y: "mean client \(score)", .groupedBars(
                categories: tasks.map(\.paperName),
                series: labels.indices.map { Chart.Series(name: labels[$0], values: taskScores(row: $0, tasks: tasks)) }))
        case .topKLine:
            let sweep = study.rows.indices.compactMap { r in study.rows[r].topK.map { (k: $0, row: r) } }.sorted { $0.k < $1.k }
            return chart("score against top-k", x: "top-k (clients averaged into each text adapter)", y: "mean client \(score)",
                         .lines(tasks.map { task in
                             Chart.Line(name: task.paperName, points: sweep.map {
                                 Chart.Point(x: Double($0.k), y: Statistic(taskMeans(row: $0.row, task: task)))
                             })
                         }))
        case let .cost(measure):
            var points: [Chart.Labelled] = []
            for r in labels.indices {
                guard let cost = cost(measure, row: r) else {
                    throw RenderError.costNotRecorded(study: study.name, figure: figure.name, measure: measure)
                }
                for task in tasks {
                    points.append(Chart.Labelled(label: "\(labels[r]) (\(task.paperName))", x: cost.mean,
                                                 y: Statistic(taskMeans(row: r, task: task))))
                }
            }
            return chart("score against \(measure.rawValue)", x: "\(measure.rawValue): \(measure.caption) (floats)",
                         y: "mean client \(score)", .scatter(points))
        case let .difference(rowLabel, baselineLabel):
            let row = labels.firstIndex(of: rowLabel)!, baseline = labels.firstIndex(of: baselineLabel)!
            let values = tasks.map { task in
                Statistic(zip(taskMeans(row: row, task: task), taskMeans(row: baseline, task: task)).map { $0 - $1 })
            }
            return chart("per task", x: "task", y: "\(rowLabel) − \(baselineLabel) (score points)",
                         .groupedBars(categories: tasks.map(\.paperName), series: [Chart.Series(name: "\(rowLabel) − \(baselineLabel)", values: values)]),
                         zeroLine: true)
        }
    }
}
