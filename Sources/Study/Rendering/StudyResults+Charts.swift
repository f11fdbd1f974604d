import Report
import Training
import World

extension StudyResults {
    /// `figure` drawn from these results: one panel per task (gnuplot multiplot), each on its own metric's axis, so no
    /// axis mixes accuracies with CIDEr; a figure of one task is a single plot.
    public func chart(_ figure: Figure) throws -> Chart {
        let tasks = figure.tasks ?? study.scenario.tasks
        let labels = study.rows.map(\.label)
        var panels: [Chart] = [], what: String
        func panel(_ task: TaskKind, x: String, y: String? = nil, _ kind: Chart.Kind, difference: Bool = false) -> Chart {
            Chart(name: "\(figure.name)-\(task.rawValue)", title: task.paperName, xLabel: x, yLabel: y ?? Self.axisLabel(task),
                  kind: kind, zeroLine: difference, yBounds: difference ? -.infinity ... .infinity : Self.bounds(task))
        }
        switch figure.kind {
        case .clientBars:
            what = "per client"
            panels = tasks.map { task in
                let members = clients(of: [task])      // "1", "2", …: the panel names the task
                return panel(task, x: "client", .groupedBars(categories: members.indices.map { "\($0 + 1)" }, series: labels.indices.map {
                    Chart.Series(name: labels[$0], values: clientScores(row: $0, clients: members))
                }))
            }
        case .roundCurves:
            what = "mean client validation score per round"
            panels = tasks.map { task in
                panel(task, x: "round", .lines(labels.indices.map { r in
                    Chart.Line(name: labels[r], points: roundValidationMeans(row: r, clients: clients(of: [task])).enumerated().map {
                        Chart.Point(x: Double($0.offset + 1), y: $0.element)
                    })
                }))
            }
        case .taskBars:
            what = "per task"
            panels = tasks.map { task in
                panel(task, x: "", .groupedBars(categories: [task.paperName], series: labels.indices.map {
                    Chart.Series(name: labels[$0], values: taskScores(row: $0, tasks: [task]))
                }))
            }
        case .topKLine:
            what = "score against top-k"
            let sweep = study.rows.indices.compactMap { r in study.rows[r].topK.map { (k: $0, row: r) } }.sorted { $0.k < $1.k }
            panels = tasks.map { task in
                panel(task, x: "top-k (clients averaged into each text adapter)", .lines([
                    Chart.Line(name: task.paperName, points: sweep.map { Chart.Point(x: Double($0.k), y: Statistic(taskMeans(row: $0.row, task: task))) }),
                ]))
            }
        case let .cost(measure):
            what = "score against \(measure.rawValue)"
            var costs: [Statistic] = []
            for r in labels.indices {
                guard let cost = cost(measure, row: r) else {
                    throw RenderError.costNotRecorded(study: study.name, figure: figure.name, measure: measure)
                }
                costs.append(cost)
            }
            panels = tasks.map { task in
                panel(task, x: "\(measure.rawValue): \(measure.caption) (floats)", .scatter(labels.indices.map {
                    Chart.Labelled(label: labels[$0], x: costs[$0].mean, y: Statistic(taskMeans(row: $0, task: task)))
                }))
            }
        case let .difference(rowLabel, baselineLabel):
            what = "\(rowLabel) − \(baselineLabel) per task"
            let row = labels.firstIndex(of: rowLabel)!, baseline = labels.firstIndex(of: baselineLabel)!
            panels = tasks.map { task in
                let value = Statistic(zip(taskMeans(row: row, task: task), taskMeans(row: baseline, task: task)).map { $0 - $1 })
                return panel(task, x: "", y: "\(TaskMetric.name(of: task)) difference (points)",
                             .groupedBars(categories: [task.paperName], series: [Chart.Series(name: "\(rowLabel) − \(baselineLabel)", values: [value])]),
                             difference: true)
            }
        }
        let title = study.title.hasSuffix(what) ? study.title : "\(study.title) — \(what)"
        guard panels.count > 1 else {
            var single = panels[0]
            single.name = figure.name
            single.title = "\(title) (\(tasks[0].paperName))"
            return single
        }
        return .panels(name: figure.name, title: title, panels)
    }

    /// A task's axis: its metric and unit.
    static func axisLabel(_ task: TaskKind) -> String {
        task == .coco ? "CIDEr-D × 100" : "\(TaskMetric.name(of: task)) (%)"
    }

    /// The range of a task's metric: accuracies in 0…100, CIDEr-D × 100 from 0.
    static func bounds(_ task: TaskKind) -> ClosedRange<Double> { task == .coco ? 0 ... .infinity : 0 ... 100 }
}
