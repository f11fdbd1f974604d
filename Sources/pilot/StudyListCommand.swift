import ArgumentParser
import PaperStudies
import Study

/// `pilot study list`: every declared study, what it holds and whether it can run.
struct StudyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Every study declared in Studies/ and whether it can run.")

    func run() throws {
        let catalog = try StudyCatalog(Studies.all)
        let width = catalog.studies.map(\.name.count).max() ?? 0
        for study in catalog.studies {
            let outputs = study.tables.map { _ in "table.md" } + study.figures.map(\.name)
            var line = study.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(study.title)\n"
                + String(repeating: " ", count: width) + "  \(study.scenario.kind.rawValue) · \(study.rows.count) row\(study.rows.count == 1 ? "" : "s") · "
                + "\(study.seeds) seeds · \(study.rounds) rounds · \(outputs.joined(separator: ", "))"
            if let problem = study.problems.first { line += "\n" + String(repeating: " ", count: width) + "  cannot run: \(problem.problem)" }
            print(line)
        }
    }
}
